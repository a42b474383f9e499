package io.tandem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Latency against data size (log scale) for each read scenario, p50 dashed and p99 solid, as a standalone SVG. */
final class LatencyChart {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int W = 720;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private LatencyChart() {
    }

    static String svg(BenchReport report) {
        List<Long> sizes = new ArrayList<>(report.reads.keySet());
        List<String> scenarios = List.of(BenchReport.PAGE, BenchReport.LOG, BenchReport.TASKS);
        double maxMs = 1;
        for (long size : sizes) {
            for (String s : scenarios) {
                LoadRunner.Measured m = report.read(size, s);
                if (m != null) {
                    maxMs = Math.max(maxMs, m.p99());
                }
            }
        }
        double yMax = niceCeiling(maxMs * 1.1);
        double xMin = Math.log10(sizes.isEmpty() ? 100 : sizes.get(0)) - 0.2;
        double xMax = Math.log10(sizes.isEmpty() ? 1000 : sizes.get(sizes.size() - 1)) + 0.2;
        if (xMax - xMin < 0.5) {
            xMin -= 0.5;
            xMax += 0.5;
        }
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", W, H, W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"25\" font-size=\"15\" font-weight=\"bold\">Tandem read latency vs data size (%s clients)</text>%n",
                LEFT, clients(report)));
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            double y = TOP + plotH - plotH * v / yMax;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, fmt(v)));
        }
        for (long size : sizes) {
            double x = LEFT + plotW * (Math.log10(size) - xMin) / (xMax - xMin);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP, x, TOP + plotH, x, TOP + plotH + 18, human(size)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, LEFT, TOP, LEFT, TOP + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">bets in the database (log scale)</text>%n",
                LEFT + plotW / 2, H - 15));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">latency (ms)</text>%n", TOP + plotH / 2));
        double target = 50;
        if (target <= yMax) {
            double y = TOP + plotH - plotH * target / yMax;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ff7f0e\" stroke-dasharray=\"2 4\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" fill=\"#ff7f0e\">page p99 target 50 ms</text>%n", LEFT, y, LEFT + plotW, y, LEFT + 4, y - 4));
        }
        int legend = TOP;
        for (int s = 0; s < scenarios.size(); s++) {
            String name = scenarios.get(s);
            for (String pct : List.of("p50", "p99")) {
                List<String> points = new ArrayList<>();
                for (long size : sizes) {
                    LoadRunner.Measured m = report.read(size, name);
                    if (m != null) {
                        double v = pct.equals("p50") ? m.p50() : m.p99();
                        double x = LEFT + plotW * (Math.log10(size) - xMin) / (xMax - xMin);
                        double y = TOP + plotH - plotH * v / yMax;
                        points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s at %d bets: %.2f ms</title></circle>%n",
                                x, y, COLORS[s], name, pct, size, v));
                    }
                }
                if (points.isEmpty()) {
                    continue;
                }
                String dash = pct.equals("p50") ? " stroke-dasharray=\"6 4\"" : "";
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                        COLORS[s], dash, String.join(" ", points)));
                int lx = W - RIGHT + 15;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                        + "<text x=\"%d\" y=\"%d\">%s %s</text>%n", lx, legend, lx + 25, legend, COLORS[s], dash, lx + 30, legend + 4,
                        name.replace("read: ", ""), pct));
                legend += 18;
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String clients(BenchReport report) {
        for (Map.Entry<Long, List<LoadRunner.Measured>> e : report.reads.entrySet()) {
            if (!e.getValue().isEmpty()) {
                return String.valueOf(e.getValue().get(0).clients());
            }
        }
        return "?";
    }

    private static double niceCeiling(double v) {
        double pow = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * pow >= v) {
                return step * pow;
            }
        }
        return 10 * pow;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String human(long size) {
        return size >= 1000 && size % 1000 == 0 ? (size / 1000) + "k" : String.valueOf(size);
    }
}
