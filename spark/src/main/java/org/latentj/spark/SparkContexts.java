package org.latentj.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context latentj runs on: Kryo with latentj's classes registered, quiet logs. */
public final class SparkContexts {

  private SparkContexts() {}

  /**
   * A context on {@code master} (e.g. {@code local[2]}, {@code local[2,2]} for two tries per
   * task, {@code spark://host:7077}); under {@code spark-submit} its {@code --master} wins.
   */
  public static JavaSparkContext start(String master) {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("SparkContexts: the master is empty (e.g. local[2])");
    }
    SparkConf conf = new SparkConf().setAppName("latentj")
        .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .set("spark.kryo.registrator", LatentjKryo.class.getName())
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.driver.host", "127.0.0.1")
        .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    if (!conf.contains("spark.master")) {
      conf.setMaster(master);
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel("WARN");
    return sc;
  }
}
