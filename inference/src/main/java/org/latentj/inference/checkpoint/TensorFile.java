package org.latentj.inference.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The content of a safetensors file as read: tensors in header order (1-D tensors as {@code 1 x
 * n}, scalars as {@code 1 x 1}), the string metadata, and the SHA-256 of the data section as
 * read from disk.
 *
 * @param tensors name to matrix, in the order the header lists them
 * @param metadata the {@code __metadata__} entries, empty if the file has none
 * @param dataSha256 SHA-256 (lower-case hex) of the bytes after the header
 * @param dtypes name to the dtype it was stored in (its values are decoded exactly)
 */
public record TensorFile(Map<String, DMatrixRMaj> tensors, Map<String, String> metadata,
    String dataSha256, Map<String, DType> dtypes) {

  public TensorFile {
    tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    dtypes = Collections.unmodifiableMap(new LinkedHashMap<>(dtypes));
  }
}
