import java.util.Locale;
import org.ejml.data.FMatrixRMaj;
import org.latentj.tensor.MatMulKernel;
import org.latentj.tensor.MatMulKernels;

/**
 * GFLOP/s of latentj's float32 products at the VAE-400-20's six large shapes (batch 128, the
 * 784x400 layers: forward, and the two backward forms), on one thread:
 * {@code OPENBLAS_NUM_THREADS=1 java -cp <classpath> scripts/SgemmShapes.java [kernel]}, and the
 * same at batch 64 (one of two data-parallel halves). Each
 * line is {@code form m k n gflops}, the best of 7 batches of 300 products after 300 warm-up
 * ones (the best is what a loaded machine disturbs least). scripts/sgemm-vs-torch.sh runs it
 * beside the same products in PyTorch.
 */
public final class SgemmShapes {

  /**
   * form, then A's rows and columns, B's rows and columns, as in the step: batch 128, then 64
   * (a half of it, as each of two data-parallel workers multiplies).
   */
  static final String[] SHAPES = {"nn 128 784 784 400", "nn 128 400 400 784",
      "tn 128 784 128 400", "tn 128 400 128 784", "nt 128 400 784 400", "nt 128 784 400 784",
      "nn 64 784 784 400", "nn 64 400 400 784", "tn 64 784 64 400", "tn 64 400 64 784",
      "nt 64 400 784 400", "nt 64 784 400 784"};

  public static void main(String[] args) {
    MatMulKernel k = MatMulKernels.byName(args.length > 0 ? args[0] : "auto", 1);
    java.util.Random r = new java.util.Random(1);
    for (String shape : SHAPES) {
      String[] f = shape.split(" ");
      String form = f[0];
      FMatrixRMaj a = random(Integer.parseInt(f[1]), Integer.parseInt(f[2]), r);
      FMatrixRMaj b = random(Integer.parseInt(f[3]), Integer.parseInt(f[4]), r);
      int m = form.equals("tn") ? a.numCols : a.numRows;
      int inner = form.equals("tn") ? a.numRows : a.numCols;
      int n = form.equals("nt") ? b.numRows : b.numCols;
      FMatrixRMaj c = new FMatrixRMaj(m, n);
      double best = Double.MAX_VALUE;
      for (int batch = -1; batch < 7; batch++) {
        long t = System.nanoTime();
        for (int i = 0; i < 300; i++) {
          switch (form) {
            case "nn" -> k.mult(a, b, c);
            case "tn" -> k.multTransA(a, b, c);
            default -> k.multTransB(a, b, c);
          }
        }
        double s = (System.nanoTime() - t) / 1e9 / 300;
        if (batch >= 0) {
          best = Math.min(best, s);
        }
      }
      System.out.printf(Locale.ROOT, "%s %d %d %d %.1f%n", form, m, inner, n,
          2.0 * m * inner * n / best / 1e9);
    }
    System.out.println("kernel " + MatMulKernels.name(k));
  }

  private static FMatrixRMaj random(int rows, int cols, java.util.Random r) {
    FMatrixRMaj x = new FMatrixRMaj(rows, cols);
    for (int i = 0; i < x.data.length; i++) {
      x.data[i] = (float) r.nextGaussian();
    }
    return x;
  }
}
