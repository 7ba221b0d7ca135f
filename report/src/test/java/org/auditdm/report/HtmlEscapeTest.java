package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HtmlEscapeTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(HtmlEscape.text("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void scriptAndEventHandlerBecomeText() {
        assertThat(HtmlEscape.text(FixtureRun.MALICIOUS)).isEqualTo(
                "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
    }

    @Test
    void alreadyEscapedTextIsEscapedAgainSoItReadsTheSame() {
        assertThat(HtmlEscape.text("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void plainTextIsReturnedAsIsAndNullIsEmpty() {
        String plain = "where is the red circle? 3:05, \u00e9t\u00e9 \u2192 ok\nnext line";
        assertThat(HtmlEscape.text(plain)).isSameAs(plain);
        assertThat(HtmlEscape.text(null)).isEmpty();
    }

    @Test
    void controlCharactersOtherThanNewlineAndTabAreDropped() {
        assertThat(HtmlEscape.text("a\u0000b\u001bc\td\ne")).isEqualTo("abc\td\ne");
    }

    @Property(tries = 300)
    void outputHasNoMarkupAndDecodesBackToTheInput(@ForAll String s) {
        String escaped = HtmlEscape.text(s);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        String kept = s.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(decode(escaped)).isEqualTo(kept);
    }

    private static String decode(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
