package io.antiphon.engine.realtime;

import java.util.Map;

import io.antiphon.engine.perform.Parameter;

/**
 * Parameter values for the performer thread to set together ({@link LiveSession#setParameters}): built and checked on
 * the caller's thread, so the performer thread only copies numbers. Every value is checked against its parameter's
 * range when the batch is built; a batch is all valid or not built.
 */
public final class ParameterBatch {

    final Parameter[] parameters;
    final double[] values;

    /** @throws IllegalArgumentException naming the first parameter whose value is out of its range */
    public ParameterBatch(Map<Parameter, Double> values) {
        this.parameters = new Parameter[values.size()];
        this.values = new double[values.size()];
        int i = 0;
        for (Map.Entry<Parameter, Double> entry : values.entrySet()) {
            Parameter parameter = entry.getKey();
            double value = entry.getValue();
            parameter.check(value);
            parameters[i] = parameter;
            this.values[i] = value;
            i++;
        }
    }

    /** How many parameters the batch sets. */
    public int size() {
        return parameters.length;
    }
}
