package io.antiphon.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.antiphon.engine.network.NetworkSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a training run did, written as JSON beside the bundle (and drawn as a PNG by {@link LossChart}).
 *
 * @param corpus            corpus name
 * @param spec              network shape and hyper-parameters
 * @param options           epochs, batch, window, augmentation
 * @param trainPieces       pieces in the training split
 * @param trainTokensPerEpoch predicted tokens per epoch
 * @param validTokens       predicted tokens in the validation split
 * @param epochs            one record per finished epoch
 * @param bestEpoch         epoch whose weights were kept, counted from 1 as printed
 * @param bestValidNll      its validation NLL
 * @param terminationReason why training stopped, in words
 * @param totalSeconds      wall time of the whole run
 * @param tokensPerSecond   mean training throughput
 */
public record TrainingReport(String corpus, NetworkSpec spec, TrainingOptions options, int trainPieces,
                             long trainTokensPerEpoch, long validTokens, List<EpochRecord> epochs, int bestEpoch,
                             double bestValidNll, String terminationReason, double totalSeconds, double tokensPerSecond) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void writeJson(Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(this));
    }
}
