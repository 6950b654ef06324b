package org.latentj.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run page: written by train, rewritten by report, every string escaped, and rendered by
 * headless Chromium from disk with its pictures showing (not broken-image icons).
 */
class RunPageTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** Colours no page chrome or text uses, one per picture. */
  static final Map<String, Color> SOLID = Map.of(Run.SAMPLES, new Color(255, 0, 0),
      Run.RECONSTRUCTIONS, new Color(0, 200, 0), Run.MANIFOLD, new Color(0, 0, 255));

  @TempDir
  static Path tmp;
  static Path run;

  @BeforeAll
  static void trainTinyRun() {
    // A folder name that needs escaping, to show it does not break the page.
    run = tmp.resolve("run <b>&'\"");
    LatentjTest.Result r = LatentjTest.trainTiny(1, run);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("index.html");
  }

  @Test
  void trainWritesAPageWithEverySectionAndTheFolderNameEscaped() throws IOException {
    String html = Files.readString(run.resolve(RunPage.FILE), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2>Pictures</h2>", "<h2>Training</h2>", "<h2>Evaluation</h2>",
        "<h2>Settings</h2>", "<h2>Provenance</h2>", "src=\"samples.png\"",
        "src=\"reconstructions.png\"", "src=\"manifold.png\"", "src=\"training-curve.png\"",
        "matmulKernel", "sha256", "log_px", "hiddenSizes", "examples_seen");
    assertThat(html).contains("run &lt;b&gt;&amp;&#39;&quot;").doesNotContain("<b>");
    // Opens without a server or network: nothing external, no scripts.
    assertThat(html).doesNotContain("<script", "http:", "https:", "<link", "@import",
        "file:");
  }

  @Test
  void reportRewritesThePageAndEvaluateRefreshesIt() throws IOException {
    Files.delete(run.resolve(RunPage.FILE));
    LatentjTest.Result r = LatentjTest.latentj("report", run.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote ", RunPage.FILE);
    assertThat(run.resolve(RunPage.FILE)).isRegularFile();
    r = LatentjTest.latentj("evaluate", run.toString(), "-k", "2", "--examples", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(run.resolve(RunPage.FILE))).contains("evaluation.json");
  }

  @Test
  void headlessChromiumShowsThePictures() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM
        + ": install Debian's chromium (scripts/install-chromium.sh) to render the run page");
    Path copy = tmp.resolve("solid");
    Files.createDirectories(copy);
    try (var files = Files.list(run)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    // Pictures of known solid colours, so the screenshot can be checked pixel by pixel.
    for (Map.Entry<String, Color> e : SOLID.entrySet()) {
      solid(copy.resolve(e.getKey()), e.getValue());
    }
    assertThat(LatentjTest.latentj("report", copy.toString()).code()).isZero();

    Path png = tmp.resolve("screenshot.png");
    Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--screenshot=" + png, "--window-size=1200,1600",
        copy.resolve(RunPage.FILE).toUri().toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    String log = Files.readString(tmp.resolve("chromium.log"));
    assertThat(png).as("chromium's screenshot; its output:\n" + log).isRegularFile();
    BufferedImage shot = ImageIO.read(png.toFile());
    assertThat(shot.getWidth()).isEqualTo(1200);
    for (Map.Entry<String, Color> e : SOLID.entrySet()) {
      // Each picture is 120 x 90 px: most of its pixels must be on screen in its colour.
      assertThat(count(shot, e.getValue())).as(e.getKey() + " in the screenshot")
          .isGreaterThan(120 * 90 * 9 / 10);
    }
    if (System.getenv("LATENTJ_KEEP_SCREENSHOT") != null) {
      Files.copy(png, Path.of(System.getenv("LATENTJ_KEEP_SCREENSHOT")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void solid(Path file, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 120, 90);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  /** Pixels within 3 levels per channel of {@code c} (PNG decoding may round). */
  private static long count(BufferedImage image, Color c) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color p = new Color(image.getRGB(x, y));
        if (Math.abs(p.getRed() - c.getRed()) <= 3 && Math.abs(p.getGreen() - c.getGreen()) <= 3
            && Math.abs(p.getBlue() - c.getBlue()) <= 3) {
          n++;
        }
      }
    }
    return n;
  }

}
