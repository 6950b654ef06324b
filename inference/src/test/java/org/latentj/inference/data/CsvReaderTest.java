package org.latentj.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  @TempDir
  Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> fails(CsvReader reader, String text)
      throws IOException {
    Path f = write(text);
    return assertThatThrownBy(() -> reader.read(f)).isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(f + ": ");
  }

  @Test
  void readsNumbersWithoutHeader() throws IOException {
    Path f = write("1,2.5,-3\n4e2, .5 ,+6\n");
    Dataset ds = CsvReader.defaults().read(f);
    assertThat(ds.size()).isEqualTo(2);
    assertThat(ds.featureCount()).isEqualTo(3);
    assertThat(ds.features().data).containsExactly(1, 2.5, -3, 400, 0.5, 6);
    assertThat(ds.hasLabels()).isFalse();
    byte[] bytes = Files.readAllBytes(f);
    assertThat(ds.provenance().files()).containsExactly(
        new SourceFile(f.toString(), bytes.length, SourceFile.sha256Of(bytes)));
  }

  @Test
  void detectsAHeaderRowThatIsNotNumbers() throws IOException {
    Dataset ds = CsvReader.defaults().read(write("x,y\n1,2\n3,4\n"));
    assertThat(ds.size()).isEqualTo(2);
    assertThat(ds.features().data).containsExactly(1, 2, 3, 4);
  }

  @Test
  void explicitHeaderSettingsOverrideDetection() throws IOException {
    Path f = write("10,20\n1,2\n");
    assertThat(CsvReader.defaults().read(f).size()).isEqualTo(2);
    Dataset withHeader = CsvReader.builder().header(CsvReader.Header.PRESENT).build().read(f);
    assertThat(withHeader.features().data).containsExactly(1, 2);
    fails(CsvReader.builder().header(CsvReader.Header.ABSENT).build(), "a,b\n1,2\n")
        .hasMessageContaining("line 1, column 1: \"a\" is not a number");
  }

  @Test
  void otherDelimiterLabelColumnBlankLinesAndByteOrderMark() throws IOException {
    Path f = write("\uFEFFlabel;a;b\n\n2;0.1;0.2\n  \n0;0.3;0.4\r\n");
    Dataset ds = CsvReader.builder().delimiter(';').labelColumn(0).build().read(f);
    assertThat(ds.featureCount()).isEqualTo(2);
    assertThat(ds.features().data).containsExactly(0.1, 0.2, 0.3, 0.4);
    assertThat(ds.labels().orElseThrow()).containsExactly(2, 0);
  }

  @Test
  void manyRowsGrowTheBuffers() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      sb.append(i).append(',').append(i % 10).append('\n');
    }
    Dataset ds = CsvReader.builder().labelColumn(1).build().read(write(sb.toString()));
    assertThat(ds.size()).isEqualTo(5000);
    assertThat(ds.features().get(4999, 0)).isEqualTo(4999);
    assertThat(ds.label(4999)).isEqualTo(9);
  }

  @Test
  void nonNumericCellNamesLineAndColumn() throws IOException {
    fails(CsvReader.defaults(), "a,b,c\n1,2,3\n4,x5,6\n")
        .hasMessageContaining("line 3, column 2: \"x5\" is not a number");
    fails(CsvReader.defaults(), "1,2\n3,\n").hasMessageContaining("line 2, column 2: empty cell");
  }

  @Test
  void raggedRows() throws IOException {
    fails(CsvReader.defaults(), "1,2,3\n\n4,5\n")
        .hasMessageContaining("line 3 has 2 column(s), expected 3 (as on line 1)");
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    fails(CsvReader.defaults(), "").hasMessageContaining("empty file: no rows");
    fails(CsvReader.defaults(), "\n \n").hasMessageContaining("empty file: no rows");
    fails(CsvReader.defaults(), "x,y\n").hasMessageContaining("no data rows after the header on "
        + "line 1");
  }

  @Test
  void nonFiniteValuesAreRejectedByDefault() throws IOException {
    fails(CsvReader.defaults(), "1,2\n3,NaN\n").hasMessageContaining("line 2, column 2: \"NaN\"")
        .hasMessageContaining("non-finite values are rejected");
    fails(CsvReader.defaults(), "1,-inf\n").hasMessageContaining("line 1, column 2: \"-inf\" is "
        + "-Infinity");
    fails(CsvReader.defaults(), "1e999,1\n").hasMessageContaining("line 1, column 1: \"1e999\" is "
        + "Infinity");
    Dataset ds = CsvReader.builder().allowNonFinite(true).build().read(write("NaN,Infinity\n"));
    assertThat(ds.features().data).containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
  }

  @Test
  void labelsMustBeNonNegativeIntegers() throws IOException {
    CsvReader r = CsvReader.builder().labelColumn(2).build();
    assertThat(r.read(write("1,2,3.0\n")).labels().orElseThrow()).containsExactly(3);
    fails(r, "1,2,3.5\n").hasMessageContaining("line 1, column 3 (the label column): \"3.5\"");
    fails(r, "1,2,-1\n").hasMessageContaining("\"-1\" is not a non-negative integer");
    fails(CsvReader.builder().labelColumn(3).build(), "1,2,3\n")
        .hasMessageContaining("label column index 3 (column 4) but line 1 has only 3 column(s)");
  }

  @Test
  void rejectsADelimiterThatIsPartOfANumber() {
    assertThatThrownBy(() -> CsvReader.builder().delimiter('.'))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.'");
  }
}
