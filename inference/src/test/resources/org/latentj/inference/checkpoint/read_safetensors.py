"""Reads a safetensors file the way safetensors.torch.load_file does, with only the standard
library, and prints its metadata and tensors (row-major nested lists) as JSON on stdout.

Usage: python3 read_safetensors.py FILE
"""
import json
import struct
import sys

SIZES = {"F64": ("d", 8), "F32": ("f", 4)}


def read(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    assert 0 < n <= len(blob) - 8, "header length %d does not fit" % n
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", {})
    out, end = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"]):
        code, size = SIZES[info["dtype"]]
        begin, stop = info["data_offsets"]
        count = 1
        for d in info["shape"]:
            count *= d
        assert begin == end and stop - begin == count * size, "bad offsets for " + name
        flat = list(struct.unpack("<%d%s" % (count, code), data[begin:stop]))
        shape = info["shape"]
        if len(shape) == 2:  # C order: row i is flat[i * cols:(i + 1) * cols]
            flat = [flat[i * shape[1]:(i + 1) * shape[1]] for i in range(shape[0])]
        out[name] = {"dtype": info["dtype"], "shape": shape, "values": flat}
        end = stop
    assert end == len(data), "data section not covered"
    ordered = {name: out[name] for name in header}  # header order, as the file lists them
    return {"metadata": metadata, "tensors": ordered}


if __name__ == "__main__":
    json.dump(read(sys.argv[1]), sys.stdout)
