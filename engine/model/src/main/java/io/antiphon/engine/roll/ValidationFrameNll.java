package io.antiphon.engine.roll;

import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;

/** Early-stopping score of the piano-roll trainer: the benchmark's frame NLL ({@link FrameNll}) on fixed pieces. */
public final class ValidationFrameNll implements ScoreCalculator<MultiLayerNetwork> {

    private final transient List<RollPiece> pieces;

    public ValidationFrameNll(List<RollPiece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    @Override
    public double calculateScore(MultiLayerNetwork network) {
        return FrameNll.score(network, pieces).mean();
    }

    @Override
    public boolean minimizeScore() {
        return true;
    }
}
