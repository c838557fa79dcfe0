package io.trackercookie.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded list of common words ({@code common-words.txt} beside this class: English words,
 * names, places and the words of common passwords), each with its rank, held as two tries: one of
 * the words and one of the words spelled backwards, so that both can be matched reading a password
 * forwards.
 *
 * <p>Loaded once, when {@link PasswordEntropy} first needs it; a malformed list is a packaging
 * mistake and fails with {@link IllegalStateException}.
 */
final class CommonWords {

  static final String RESOURCE = "common-words.txt";

  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

  private static final Pattern TOKEN = Pattern.compile("\\S+");

  /** The list as shipped, in both directions. */
  static final CommonWords EMBEDDED = load();

  private final Trie forward;
  private final Trie backward;
  private final int size;

  private CommonWords(Map<String, Integer> ranks) {
    this.forward = new Trie();
    this.backward = new Trie();
    for (Map.Entry<String, Integer> word : ranks.entrySet()) {
      forward.add(word.getKey(), word.getValue());
      backward.add(new StringBuilder(word.getKey()).reverse().toString(), word.getValue());
    }
    this.size = ranks.size();
  }

  /** The words, read forwards. */
  Trie forward() {
    return forward;
  }

  /** The words spelled backwards ("drowssap"), read forwards. */
  Trie backward() {
    return backward;
  }

  /** How many different words the list holds. */
  int size() {
    return size;
  }

  private static CommonWords load() {
    try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the common-word list " + RESOURCE + " is missing");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("the common-word list " + RESOURCE + " is unreadable", e);
    }
  }

  /**
   * Reads the list: '#' starts a comment line, "## name" starts a section, and a word's rank is its
   * place in its section (its best, if it is in several).
   */
  static CommonWords parse(BufferedReader reader) throws IOException {
    Map<String, Integer> ranks = new LinkedHashMap<>();
    int rank = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("##")) {
        rank = 0;
        continue;
      }
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher tokens = TOKEN.matcher(line);
      while (tokens.find()) {
        String word = tokens.group();
        if (!WORD.matcher(word).matches()) {
          throw new IllegalStateException(
              "the common-word list holds an entry that is not three or more letters a-z");
        }
        rank++;
        ranks.merge(word, rank, Math::min);
      }
    }
    return new CommonWords(ranks);
  }

  /**
   * Words as a trie over the letters a-z: node {@link #ROOT} is the empty prefix, {@link #child}
   * follows one letter, {@link #rank} says whether the path so far is a word.
   */
  static final class Trie {

    static final int ROOT = 0;

    /** Returned by {@link #child} when no word continues with that letter. */
    static final int NONE = -1;

    // First child and next sibling, with the letter that leads to each node: small, and fast
    // enough, since a password's letters leave the trie after a few steps.
    private char[] letters = new char[1024];
    private int[] firstChild = new int[1024];
    private int[] nextSibling = new int[1024];
    private int[] ranks = new int[1024];
    private int nodes = 1;

    private Trie() {
      firstChild[ROOT] = NONE;
      nextSibling[ROOT] = NONE;
    }

    /** The node reached from {@code node} by {@code letter}, or {@link #NONE}. */
    int child(int node, char letter) {
      for (int c = firstChild[node]; c != NONE; c = nextSibling[c]) {
        if (letters[c] == letter) {
          return c;
        }
      }
      return NONE;
    }

    /** The rank of the word that ends at this node (1 is the most common), or 0 if none does. */
    int rank(int node) {
      return ranks[node];
    }

    private void add(String word, int rank) {
      int node = ROOT;
      for (int i = 0; i < word.length(); i++) {
        int next = child(node, word.charAt(i));
        if (next == NONE) {
          next = newNode(word.charAt(i));
          nextSibling[next] = firstChild[node];
          firstChild[node] = next;
        }
        node = next;
      }
      ranks[node] = ranks[node] == 0 ? rank : Math.min(ranks[node], rank);
    }

    private int newNode(char letter) {
      if (nodes == letters.length) {
        int capacity = nodes * 2;
        letters = Arrays.copyOf(letters, capacity);
        firstChild = Arrays.copyOf(firstChild, capacity);
        nextSibling = Arrays.copyOf(nextSibling, capacity);
        ranks = Arrays.copyOf(ranks, capacity);
      }
      int node = nodes++;
      letters[node] = letter;
      firstChild[node] = NONE;
      nextSibling[node] = NONE;
      return node;
    }
  }
}
