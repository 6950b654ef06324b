package org.latentj.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers what crosses the wire each step with Kryo: the flat parameter and gradient arrays,
 * the cached blocks and the partial sums, each written as primitives (no class names, no
 * per-element objects).
 */
public final class LatentjKryo implements KryoRegistrator {

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(double[].class);
    kryo.register(int[].class);
    kryo.register(DataBlock.class, new DataBlockSerializer());
    kryo.register(PartialGradient.class, new PartialGradientSerializer());
  }

  private static final class DataBlockSerializer extends Serializer<DataBlock> {
    @Override
    public void write(Kryo kryo, Output out, DataBlock b) {
      out.writeInt(b.firstIndex());
      out.writeInt(b.rows());
      out.writeInt(b.cols());
      DoubleArrays.write(out, b.matrix().data);
    }

    @Override
    public DataBlock read(Kryo kryo, Input in, Class<DataBlock> type) {
      int first = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      return new DataBlock(first, rows, cols, DoubleArrays.read(in));
    }
  }

  private static final class PartialGradientSerializer extends Serializer<PartialGradient> {
    @Override
    public void write(Kryo kryo, Output out, PartialGradient g) {
      out.writeInt(g.partition);
      out.writeInt(g.examples);
      out.writeDouble(g.boundSum);
      out.writeLong(g.computeNanos);
      out.writeBoolean(g.gradientSum != null);
      if (g.gradientSum != null) {
        DoubleArrays.write(out, g.gradientSum);
      }
    }

    @Override
    public PartialGradient read(Kryo kryo, Input in, Class<PartialGradient> type) {
      int partition = in.readInt();
      int examples = in.readInt();
      double boundSum = in.readDouble();
      long nanos = in.readLong();
      double[] sum = in.readBoolean() ? DoubleArrays.read(in) : null;
      return new PartialGradient(partition, examples, boundSum, sum, nanos);
    }
  }

  /** A length then the raw doubles. */
  private static final class DoubleArrays {
    static void write(Output out, double[] v) {
      out.writeInt(v.length);
      out.writeDoubles(v);
    }

    static double[] read(Input in) {
      return in.readDoubles(in.readInt());
    }
  }
}
