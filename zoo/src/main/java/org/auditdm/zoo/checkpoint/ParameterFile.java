package org.auditdm.zoo.checkpoint;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The binary parameter file of a checkpoint. Layout (big-endian): magic {@code "AZP1"}, precision byte
 * (0 = float32, 1 = float16), tensor count (int); per tensor: name length (int) and UTF-8 bytes, rank
 * (int), dimensions (long each), then the values (4 or 2 bytes each).
 *
 * <p>The checksum is the SHA-256 over the value bytes exactly as stored, tensor after tensor; it therefore
 * identifies the stored model, not the in-memory float32 one it was rounded from.
 */
public final class ParameterFile {
    private static final int MAGIC = 0x415A5031;

    private ParameterFile() {
    }

    /** Stored tensors; {@code values} are the stored values widened to float. */
    public record Contents(Precision precision, List<String> names, List<long[]> shapes, List<float[]> values,
                           String checksum) {
    }

    /** Writes the tensors and returns the checksum of the stored values. */
    public static String write(Path file, Precision precision, List<String> names, List<long[]> shapes,
                               List<float[]> values) throws IOException {
        int width = precision == Precision.FLOAT32 ? 4 : 2;
        long total = 16;
        for (int i = 0; i < names.size(); i++) {
            total += 8 + names.get(i).length() * 4L + shapes.get(i).length * 8L + (long) values.get(i).length * width;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(total));
        buf.putInt(MAGIC).put((byte) precision.ordinal()).putInt(names.size());
        MessageDigest md = sha256();
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            buf.putInt(name.length).put(name).putInt(shapes.get(i).length);
            for (long d : shapes.get(i)) {
                buf.putLong(d);
            }
            int start = buf.position();
            for (float v : values.get(i)) {
                if (precision == Precision.FLOAT32) {
                    buf.putInt(Float.floatToRawIntBits(v));
                } else {
                    buf.putShort(HalfFloat.fromFloat(v));
                }
            }
            md.update(buf.array(), start, buf.position() - start);
        }
        Files.write(file, Arrays.copyOf(buf.array(), buf.position()));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Reads a parameter file; a missing, truncated or malformed file is an IllegalArgumentException naming it. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint file missing: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            if (buf.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a zoo parameter file (bad magic): " + file);
            }
            int p = buf.get();
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("unknown precision code " + p + " in " + file);
            }
            Precision precision = Precision.values()[p];
            int count = buf.getInt();
            if (count < 0 || count > 100_000) {
                throw new IllegalArgumentException("implausible tensor count " + count + " in " + file);
            }
            List<String> names = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            MessageDigest md = sha256();
            for (int i = 0; i < count; i++) {
                int len = buf.getInt();
                if (len < 0 || len > buf.remaining()) {
                    throw new IllegalArgumentException("corrupt tensor name at tensor " + i + " in " + file);
                }
                byte[] name = new byte[len];
                buf.get(name);
                int rank = buf.getInt();
                if (rank < 0 || rank > 8) {
                    throw new IllegalArgumentException("corrupt rank " + rank + " at tensor " + i + " in " + file);
                }
                long[] shape = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = buf.getLong();
                    if (shape[d] <= 0 || shape[d] > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("corrupt dimension at tensor " + i + " in " + file);
                    }
                    size *= shape[d];
                }
                int width = precision == Precision.FLOAT32 ? 4 : 2;
                if (size * width > buf.remaining()) {
                    throw new IllegalArgumentException("checkpoint file truncated in tensor "
                            + new String(name, StandardCharsets.UTF_8) + ": " + file);
                }
                int start = buf.position();
                float[] v = new float[(int) size];
                for (int k = 0; k < v.length; k++) {
                    v[k] = precision == Precision.FLOAT32 ? Float.intBitsToFloat(buf.getInt())
                            : HalfFloat.toFloat(buf.getShort());
                }
                md.update(bytes, start, buf.position() - start);
                names.add(new String(name, StandardCharsets.UTF_8));
                shapes.add(shape);
                values.add(v);
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException(buf.remaining() + " unexpected trailing bytes in " + file);
            }
            return new Contents(precision, names, shapes, values, HexFormat.of().formatHex(md.digest()));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("checkpoint file truncated: " + file, e);
        }
    }

    /** The values as they would read back after storing at {@code precision} (identity for float32). */
    public static float[] rounded(float[] values, Precision precision) {
        if (precision == Precision.FLOAT32) {
            return values.clone();
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = HalfFloat.toFloat(HalfFloat.fromFloat(values[i]));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
