package com.example.visits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitResourceTest {

  private static final String COOKIE = "persistent-information";

  @Test
  void theCookieCountsEachVisit() {
    String cookie =
        given()
            .when()
            .get("/visits")
            .then()
            .statusCode(200)
            .body(equalTo("visit 1"))
            .cookie(COOKIE, startsWith("Fe26.2*"))
            .extract()
            .cookie(COOKIE);

    given()
        .cookie(COOKIE, cookie)
        .when()
        .get("/visits")
        .then()
        .statusCode(200)
        .body(equalTo("visit 2"));
  }
}
