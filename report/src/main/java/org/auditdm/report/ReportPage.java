package org.auditdm.report;

/**
 * The frame of a report page: one self-contained HTML document with its CSS inline. The content
 * security policy forbids scripts and any network access (images must be {@code data:} URIs), so even
 * a model answer that slipped past escaping could not run or phone home.
 */
final class ReportPage {
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; color: #222; background: #fff; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 1.8em; }
            h3 { margin-bottom: 0.3em; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.92em; background: #f4f4f4; padding: 0 3px; }
            .note { color: #555; }
            table.data { border-collapse: collapse; margin: 8px 0 12px; }
            table.data th, table.data td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            table.data th { background: #f4f6f8; }
            table.kv th { text-align: right; padding-right: 12px; font-weight: 600; color: #444; }
            table.kv td, table.kv th { padding: 2px 6px; vertical-align: top; }
            .chart svg { max-width: 100%; height: auto; }
            .type { border: 1px solid #ccc; border-radius: 6px; padding: 8px 16px 12px; margin: 16px 0; }
            .type.validated { border-left: 6px solid #c0392b; }
            .type.unvalidated { border-left: 6px solid #aaa; background: #fafafa; }
            .badge { display: inline-block; font-size: 0.75em; padding: 1px 8px; border-radius: 10px;
                     vertical-align: middle; margin-left: 8px; }
            .badge.yes { background: #c0392b; color: #fff; }
            .badge.no { background: #ddd; color: #333; }
            .facet { display: inline-block; font-family: monospace; font-size: 0.85em; background: #eef3f8;
                     border: 1px solid #cdd9e5; border-radius: 4px; padding: 0 5px; margin: 2px 4px 2px 0; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; }
            .card { border: 1px solid #ddd; border-radius: 6px; padding: 8px; width: 330px; background: #fff; }
            .pair { display: flex; gap: 8px; }
            figure { margin: 0; text-align: center; font-size: 0.8em; color: #555; }
            img.px { width: 128px; height: 128px; image-rendering: pixelated; image-rendering: crisp-edges;
                     border: 1px solid #bbb; display: block; }
            .missing { width: 128px; height: 128px; border: 1px dashed #bbb; display: flex; align-items: center;
                       justify-content: center; font-size: 0.8em; color: #888; }
            .answers { font-size: 0.9em; margin-top: 6px; }
            .answers th { color: #555; font-weight: 600; text-align: right; padding-right: 6px; white-space: nowrap; }
            .answers td { word-break: break-word; }
            .wrong { color: #c0392b; font-weight: 600; }
            .right { color: #1e7d32; }
            footer { margin-top: 3em; color: #888; font-size: 0.85em; }
            """;

    private ReportPage() {
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be safe HTML. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + HtmlEscape.text(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
