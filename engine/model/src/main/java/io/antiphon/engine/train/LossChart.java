package io.antiphon.engine.train;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws a training run's loss curves (train and validation NLL per epoch) to a PNG. */
public final class LossChart {

    private LossChart() {
    }

    public static void write(TrainingReport report, Path png) throws IOException {
        List<EpochRecord> epochs = report.epochs();
        if (epochs.isEmpty()) throw new IOException("no finished epoch to draw");
        double[] x = new double[epochs.size()];
        double[] train = new double[epochs.size()];
        double[] valid = new double[epochs.size()];
        for (int i = 0; i < epochs.size(); i++) {
            x[i] = epochs.get(i).epoch();
            train[i] = epochs.get(i).trainNll();
            valid[i] = epochs.get(i).validNll();
        }
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Antiphon training: " + report.corpus() + " (" + report.spec().layers() + "x" + report.spec().hidden() + " LSTM)")
                .xAxisTitle("epoch").yAxisTitle("NLL per token (nats)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries("train (sample)", x, train).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("validation", x, valid).setMarker(SeriesMarkers.DIAMOND);
        String file = png.toString();
        String base = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
