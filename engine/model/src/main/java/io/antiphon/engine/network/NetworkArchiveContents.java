package io.antiphon.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What must hold of the two entries of a bundle's DL4J network archive before Deeplearning4j reads them, so
 * that a hostile bundle can neither make DL4J parse without limits nor make ND4J allocate (or address) what a
 * header claims:
 * <ul>
 *   <li>{@value #CONFIGURATION} is strict JSON (nesting depth {@value #MAX_DEPTH}, strings and numbers bounded,
 *       no duplicate keys) whose every {@code "@class"} type name lies in DL4J's or ND4J's own packages;</li>
 *   <li>{@value #COEFFICIENTS} is one contiguous ND4J vector or matrix of FLOAT or DOUBLE values whose headers
 *       announce exactly the parameter count the metadata's spec implies, followed by exactly that many finite
 *       values and nothing else.</li>
 * </ul>
 */
final class NetworkArchiveContents {

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final int MAX_DEPTH = 32;
    private static final int MAX_RANK = 2;
    private static final List<String> CLASS_PACKAGES = List.of("org.deeplearning4j.", "org.nd4j.");

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 16).maxNumberLength(64).build());
    }

    private NetworkArchiveContents() {
    }

    static void check(String source, Map<String, byte[]> entries, BundleMetadata metadata) throws BundleException {
        checkConfiguration(source, entries.get(CONFIGURATION));
        checkCoefficients(source, entries.get(COEFFICIENTS), parameterCount(metadata),
                metadata.spec().layers() + " LSTM layers of " + metadata.spec().hidden() + " units and the output layer the metadata describes");
    }

    /** Parameters of the LSTM stack the metadata describes: 4h(in + h + 1) per LSTM layer, h·V + V for the output. */
    static long parameterCount(BundleMetadata metadata) {
        long vocabulary = metadata.vocabulary().size();
        long hidden = metadata.spec().hidden();
        long total = 0;
        long in = vocabulary;
        for (int layer = 0; layer < metadata.spec().layers(); layer++) {
            total += 4 * hidden * (in + hidden + 1);
            in = hidden;
        }
        return total + hidden * vocabulary + vocabulary;
    }

    private static void checkConfiguration(String source, byte[] json) throws BundleException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BundleException(source + ": the network's " + CONFIGURATION + " is not valid JSON (" + BundleFile.jsonProblem(e) + ").");
        } catch (IOException e) {
            throw new BundleException(source + ": the network's " + CONFIGURATION + " cannot be read (" + BundleFile.oneLine(e) + ").");
        }
        if (root == null || !root.isObject()) {
            throw new BundleException(source + ": the network's " + CONFIGURATION + " is not a JSON object.");
        }
        checkClassNames(source, root);
    }

    private static void checkClassNames(String source, JsonNode node) throws BundleException {
        if (node.isObject()) {
            JsonNode type = node.get("@class");
            if (type != null && !(type.isTextual() && CLASS_PACKAGES.stream().anyMatch(type.asText()::startsWith))) {
                throw new BundleException(source + ": the network's " + CONFIGURATION + " names the class " + type
                        + ", outside the DL4J and ND4J packages it may name.");
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            checkClassNames(source, children.next());
        }
    }

    private static void checkCoefficients(String source, byte[] bytes, long expected, String described) throws BundleException {
        String where = source + ": the network's " + COEFFICIENTS;
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        DataInputStream in = new DataInputStream(stream);
        try {
            Header shapeHeader = Header.read(in, where, "shape");
            if (shapeHeader.type() != DataType.LONG) {
                throw new BundleException(where + " has a shape buffer of " + shapeHeader.type() + ", expected LONG.");
            }
            if (shapeHeader.length() < 2 * 1 + 4 || shapeHeader.length() > 2 * MAX_RANK + 4) {
                throw new BundleException(where + " has a shape buffer of " + shapeHeader.length()
                        + " values, expected " + (2 * 1 + 4) + " to " + (2 * MAX_RANK + 4) + " (a vector or matrix).");
            }
            long[] info = new long[(int) shapeHeader.length()];
            for (int i = 0; i < info.length; i++) info[i] = in.readLong();
            long count = checkShape(where, info);
            Header dataHeader = Header.read(in, where, "data");
            int width = switch (dataHeader.type()) {
                case FLOAT -> Float.BYTES;
                case DOUBLE -> Double.BYTES;
                default -> throw new BundleException(where + " holds " + dataHeader.type() + " values, expected FLOAT or DOUBLE.");
            };
            if (dataHeader.length() != count) {
                throw new BundleException(where + " has a shape of " + count + " values but a data buffer of " + dataHeader.length() + ".");
            }
            if (count != expected) {
                throw new BundleException(where + " holds " + count + " parameters; the " + described + " have " + expected + ".");
            }
            int offset = bytes.length - stream.available();
            long follow = bytes.length - offset;
            if (follow != count * width) {
                throw new BundleException(where + " announces " + count + " " + dataHeader.type() + " values (" + count * width
                        + " bytes) but " + follow + " bytes follow.");
            }
            ByteBuffer values = ByteBuffer.wrap(bytes, offset, (int) follow);
            for (long i = 0; i < count; i++) {
                double value = width == Float.BYTES ? values.getFloat() : values.getDouble();
                if (!Double.isFinite(value)) throw new BundleException(where + " holds a non-finite parameter (" + value + ") at index " + i + ".");
            }
        } catch (EOFException e) {
            throw new BundleException(where + " is truncated (it ends inside its headers).");
        } catch (IOException e) {
            if (e instanceof BundleException known) throw known;
            throw new BundleException(where + " cannot be read (" + BundleFile.oneLine(e) + ").");
        }
    }

    /**
     * ND4J shape information: rank, shape, strides, extras, element-wise stride, order. The array must be
     * contiguous in its order ('c' or 'f'), so no stride can address past the data. Returns the element count.
     */
    private static long checkShape(String where, long[] info) throws BundleException {
        long rank = info[0];
        if (rank < 1 || rank > MAX_RANK || info.length != 2 * rank + 4) {
            throw new BundleException(where + " has rank " + rank + " in a shape buffer of " + info.length + " values (expected rank 1.."
                    + MAX_RANK + " and 2 x rank + 4 values).");
        }
        int r = (int) rank;
        long order = info[2 * r + 3];
        if (order != 'c' && order != 'f') throw new BundleException(where + " has array order " + order + ", expected 'c' or 'f'.");
        long count = 1;
        for (int i = 1; i <= r; i++) {
            if (info[i] < 0) throw new BundleException(where + " has a negative dimension " + info[i] + ".");
            try {
                count = Math.multiplyExact(count, info[i]);
            } catch (ArithmeticException e) {
                throw new BundleException(where + " has a shape whose element count overflows.");
            }
        }
        long stride = 1;
        for (int k = 0; k < r; k++) {
            int dim = order == 'c' ? r - 1 - k : k;
            long size = info[1 + dim];
            long given = info[1 + r + dim];
            if (size > 1 && given != stride) {
                throw new BundleException(where + " has stride " + given + " for dimension " + dim + " where a contiguous array has " + stride + ".");
            }
            stride *= Math.max(size, 1);
        }
        return count;
    }

    /** The header ND4J writes before each buffer: allocation mode, length (int or long by mode), data type. */
    private record Header(long length, DataType type) {

        static Header read(DataInputStream in, String where, String buffer) throws IOException {
            String modeName = in.readUTF();
            DataBuffer.AllocationMode mode = enumValue(DataBuffer.AllocationMode.class, modeName, where, buffer + " buffer's allocation mode");
            long length = mode.ordinal() < DataBuffer.AllocationMode.LONG_SHAPE.ordinal() ? in.readInt() : in.readLong();
            DataType type = enumValue(DataType.class, in.readUTF(), where, buffer + " buffer's data type");
            if (length < 0) throw new BundleException(where + " announces a " + buffer + " buffer of negative length " + length + ".");
            return new Header(length, type);
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String where, String what) throws BundleException {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
                throw new BundleException(where + " has an unknown " + what + " '" + shown + "'.");
            }
        }
    }
}
