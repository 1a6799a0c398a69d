package io.tracker.bench.report;

/**
 * A chart written next to the page.
 *
 * @param fileName the PNG's name in the report directory
 * @param title    what it shows
 */
record ChartFile(String fileName, String title) {
}
