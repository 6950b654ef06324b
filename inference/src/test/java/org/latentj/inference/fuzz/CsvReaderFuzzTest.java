package org.latentj.inference.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.latentj.inference.data.CsvReader;
import org.latentj.inference.data.DataFileException;

/**
 * Fuzzes {@link CsvReader}. The first byte chooses the settings (bits 0-1 the delimiter among
 * comma, semicolon, tab and space; bits 2-3 the header mode; bits 4-5 the label column, none or
 * 0..2; bit 6 whether non-finite values are allowed); the rest is the file. Invalid settings
 * are the builder's {@link IllegalArgumentException}, never reached here. A value must be
 * consistent: at least one row and column, finite unless allowed, one label per row.
 */
class CsvReaderFuzzTest {

  static final String NAME = "fuzz.csv";
  static final char[] DELIMITERS = {',', ';', '\t', ' '};
  /** A cell of two bytes ("1,") becomes an 8-byte double, in a buffer grown by doubling. */
  static final long BYTES_PER_DECODED_BYTE = 24;

  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @FuzzTest
  void read(byte[] input) throws Exception {
    if (input.length < 1) {
      return;
    }
    int options = input[0] & 0xFF;
    CsvReader reader = CsvReader.builder()
        .delimiter(DELIMITERS[options & 3])
        .header(CsvReader.Header.values()[((options >> 2) & 3) % 3])
        .labelColumn(((options >> 4) & 3) - 1)
        .allowNonFinite((options & 0x40) != 0)
        .build();
    byte[] file = Arrays.copyOfRange(input, 1, input.length);
    Outcome.of(List.of(NAME), file.length, BYTES_PER_DECODED_BYTE, DataFileException.class,
        () -> reader.read(new ByteArrayInputStream(file), NAME)).ifPresent(d -> {
          assertThat(d.size()).isPositive();
          assertThat(d.featureCount()).isPositive();
          assertThat(d.features().data.length).isGreaterThanOrEqualTo(d.size() * d.featureCount());
          if ((options & 0x40) == 0) {
            for (int i = 0; i < d.size() * d.featureCount(); i++) {
              assertThat(d.features().data[i]).isFinite();
            }
          }
          d.labels().ifPresent(labels -> {
            assertThat(labels).hasSize(d.size());
            for (int l : labels) {
              assertThat(l).isNotNegative();
            }
          });
          assertThat(d.labels().isPresent()).isEqualTo(((options >> 4) & 3) != 0);
        });
  }
}
