package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trackercookie.Tracker;
import io.trackercookie.TrackerValue;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Off Jersey, a {@code @TrackerValue} parameter stops the start naming the method. */
class TrackerValueCheckTest {

  /** A resource of both kinds. */
  static final class Resource {
    public String typed(@TrackerValue Object visit) {
      return String.valueOf(visit);
    }

    public String plain(Tracker tracker) {
      return String.valueOf(tracker);
    }
  }

  private static ResourceInfo info(String methodName) throws NoSuchMethodException {
    Method method =
        methodName.equals("typed")
            ? Resource.class.getMethod(methodName, Object.class)
            : Resource.class.getMethod(methodName, Tracker.class);
    return new ResourceInfo() {
      @Override
      public Method getResourceMethod() {
        return method;
      }

      @Override
      public Class<?> getResourceClass() {
        return Resource.class;
      }
    };
  }

  @Test
  void aTrackerValueParameter_offJersey_stopsTheStartNamingTheMethodAndTheWayOut()
      throws Exception {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new TrackerValueCheck().configure(info("typed"), null));
    assertEquals(
        "@TrackerValue on "
            + Resource.class.getName()
            + ".typed needs Jersey; on this runtime take"
            + " @Context Tracker and call tracker.as(...)",
        e.getMessage());
  }

  @Test
  void aMethodWithoutOne_passes() throws Exception {
    new TrackerValueCheck().configure(info("plain"), null);
  }
}
