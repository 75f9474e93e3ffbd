package dev.flightplan.functions.api;

import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code nextToken} of list answers: the store's page token, signed, so the API reads back only
 * tokens it gave out. A token is {@code base64url(store token) "." base64url(HMAC-SHA256)}, the MAC
 * taken over the query it pages too, so a token of one query is refused by another. Anything else
 * is refused with 400 naming {@code nextToken}, before the store sees it.
 */
public final class SignedPageTokens {
  static final String FIELD = "nextToken";
  static final int MAX_LENGTH = 2_048;
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private static final SignedPageTokens THIS_PROCESS = new SignedPageTokens((SecretKeySpec) null);

  /** Null for this process's own key, made on first use. */
  private final SecretKeySpec key;

  private SignedPageTokens(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * @param key the signing key: the deployment's secret
   */
  public SignedPageTokens(byte[] key) {
    this(new SecretKeySpec(key.clone(), ALGORITHM));
  }

  /**
   * Signed with a random key made once per process, when the first token is: tokens hold only
   * within this process (local mode, tests, a function without a configured key).
   */
  public static SignedPageTokens forThisProcess() {
    return THIS_PROCESS;
  }

  /** The token to give out for the store's {@code storeToken}; null when there is no next page. */
  String seal(String query, String storeToken) {
    if (storeToken == null) {
      return null;
    }
    byte[] payload = storeToken.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(query, payload));
  }

  /**
   * The store's token inside {@code token}; null for none.
   *
   * @throws HttpProblem 400 naming {@code nextToken} for a token this API did not give out for
   *     {@code query}
   */
  String open(String query, String token) {
    if (token == null) {
      return null;
    }
    if (token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
      throw refused();
    }
    int dot = token.indexOf('.');
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw refused();
    }
    if (!MessageDigest.isEqual(signature, mac(query, payload))) {
      throw refused();
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  static HttpProblem refused() {
    return ProblemResponses.invalidField(
        FIELD,
        "is not a token this API gave out for this query",
        "send the nextToken of the previous page as it came, or start without it");
  }

  private byte[] mac(String query, byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key == null ? ProcessKey.KEY : key);
      mac.update(query.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /** Holder idiom: the key is made on first use, once. */
  private static final class ProcessKey {
    static final SecretKeySpec KEY = new SecretKeySpec(randomKey(), ALGORITHM);

    private static byte[] randomKey() {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return key;
    }
  }
}
