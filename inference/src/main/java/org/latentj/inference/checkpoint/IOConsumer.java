package org.latentj.inference.checkpoint;

import java.io.IOException;

/** A consumer that may fail with an {@link IOException}, such as the body of a file write. */
@FunctionalInterface
public interface IOConsumer<T> {

  void accept(T t) throws IOException;
}
