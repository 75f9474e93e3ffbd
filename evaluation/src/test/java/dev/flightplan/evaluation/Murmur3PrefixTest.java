package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.codec.digest.MurmurHash3;

/** Hashing from a prefix's saved state must give exactly the library's hash of the whole input. */
class Murmur3PrefixTest {

  @Property(tries = 2_000)
  void givesTheHashOfTheWholeInput(
      @ForAll @Size(max = 40) byte[] prefix, @ForAll @Size(max = 40) byte[] rest) {
    Murmur3Prefix saved = Murmur3Prefix.of(prefix);
    byte[] data = new byte[Murmur3Prefix.MAX_LEFTOVER + rest.length];
    int start = saved.copyLeftover(data);
    System.arraycopy(rest, 0, data, start, rest.length);

    byte[] whole = new byte[prefix.length + rest.length];
    System.arraycopy(prefix, 0, whole, 0, prefix.length);
    System.arraycopy(rest, 0, whole, prefix.length, rest.length);

    assertThat(saved.hash(data, start + rest.length))
        .isEqualTo(MurmurHash3.hash32x86(whole, 0, whole.length, 0));
  }

  @Property(tries = 2_000)
  void hashesAnAsciiUnitStraightFromTheStringAsTheLibraryDoes(
      @ForAll @Size(max = 40) byte[] prefix,
      @ForAll @CharRange(from = '\u0000', to = '\u007f') @StringLength(max = 60) String unit) {
    byte[] rest = unit.getBytes(StandardCharsets.UTF_8);
    byte[] whole = new byte[prefix.length + rest.length];
    System.arraycopy(prefix, 0, whole, 0, prefix.length);
    System.arraycopy(rest, 0, whole, prefix.length, rest.length);

    assertThat(Murmur3Prefix.of(prefix).hashAscii(unit))
        .isEqualTo(Integer.toUnsignedLong(MurmurHash3.hash32x86(whole, 0, whole.length, 0)));
  }

  @Property
  void aUnitWithAnyCharBeyondAsciiIsLeftToTheEncoder(
      @ForAll @Size(max = 10) byte[] prefix,
      @ForAll @StringLength(max = 20) String head,
      @ForAll @CharRange(from = '\u0080', to = '\uffff') char beyond) {
    assertThat(Murmur3Prefix.of(prefix).hashAscii(head + beyond))
        .isEqualTo(Murmur3Prefix.NOT_ASCII);
  }

  @Property
  void unfmixUndoesFmix(@ForAll int h) {
    assertThat(Murmur3Prefix.unfmix32(Murmur3Prefix.fmix32(h))).isEqualTo(h);
    assertThat(Murmur3Prefix.fmix32(Murmur3Prefix.unfmix32(h))).isEqualTo(h);
  }

  @Example
  void fmixIsMurmur3sFinaliser() {
    // The hash of no bytes with seed 0 is fmix32(0 ^ 0); with seed 1, fmix32(1 ^ 0).
    assertThat(Murmur3Prefix.fmix32(0)).isEqualTo(MurmurHash3.hash32x86(new byte[0], 0, 0, 0));
    assertThat(Murmur3Prefix.fmix32(1)).isEqualTo(MurmurHash3.hash32x86(new byte[0], 0, 0, 1));
  }
}
