package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The literal the prefilter requires of a {@code |re} value: it must be in every text the regex finds. */
class SigmaRegexLiteralTest {

    private static String literal(String regex) {
        return RegexLiteral.of(Pattern.compile(regex));
    }

    @Test
    void longestTopLevelRun() {
        assertThat(literal("ipconfig\\s+/all")).isEqualTo("ipconfig");
        assertThat(literal("cmd.{0,5}(?:/c|/r).+powershell.+(?:\\$\\{?input\\}?|noexit).+\"")).isEqualTo("powershell");
        assertThat(literal("\\$PSHome\\[\\s*\\d{1,3}\\s*\\]")).isEqualTo("$pshome[");
        assertThat(literal("^powershell\\.exe$")).isEqualTo("powershell.exe");
        assertThat(literal("(?i)ECHO.*clip")).isEqualTo("echo");
        assertThat(literal("[abc]+define")).isEqualTo("define");
        assertThat(literal("a(?:b|c)dd")).isEqualTo("dd");
    }

    @Test
    void quantifiedCharactersAreLeftOutOrEndTheRun() {
        assertThat(literal("colou?r")).isEqualTo("colo");
        assertThat(literal("ab+c")).isEqualTo("ab");
        assertThat(literal("x{0,3}yz")).isEqualTo("yz");
        assertThat(literal("wx*yz")).isEqualTo("yz");
        assertThat(literal("abc{2}d")).isEqualTo("abc");
        assertThat(literal("ab*?cd")).isEqualTo("cd");
    }

    @Test
    void nothingWhereAMatchNeedNotContainIt() {
        assertThat(literal("abc|def")).isNull();
        assertThat(literal("(abc)")).isNull();
        assertThat(literal("\\d+\\s\\w")).isNull();
        assertThat(literal("(?u)(?i)abc")).isNull();
        assertThat(literal("(?x)a b c")).isNull();
        assertThat(literal("\\Qabc\\E")).isNull();
        assertThat(RegexLiteral.of(Pattern.compile("stop", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .as("'ſ' matches 's' under Unicode case folding").isNull();
        assertThat(Pattern.compile("stop", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher("ſtop").find()).isTrue();
    }

    @Test
    void everyFoundTextContainsTheLiteralOverRandomRegexes() {
        SplittableRandom random = new SplittableRandom(99);
        String[] atoms = { "a", "b", "c", "-", "\\.", "\\\\", "\\s", "[ab]", "[^a]", ".", "(?:a|bc)", "(b)", "\\d", "(?i)",
                "^", "$", "A" };
        String[] quantifiers = { "", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}", "+?", "*+" };
        int checked = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder regex = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                String atom = atoms[random.nextInt(atoms.length)];
                regex.append(atom);
                if (!atom.equals("(?i)") && !atom.equals("^") && !atom.equals("$")) {
                    regex.append(quantifiers[random.nextInt(quantifiers.length)]);
                }
                if (random.nextInt(20) == 0) {
                    regex.append('|');
                }
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex.toString());
            } catch (RuntimeException e) {
                continue;
            }
            String literal = RegexLiteral.of(pattern);
            for (int t = 0; t < 30; t++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(14); n > 0; n--) {
                    text.append("abcAB-.\\ 1\n".charAt(random.nextInt(11)));
                }
                if (literal != null && pattern.matcher(text).find()) {
                    assertThat(CaseFolding.lower(text.toString())).as("/%s/ found in '%s'", regex, text).contains(literal);
                    checked++;
                }
            }
        }
        assertThat(checked).as("texts the regexes found").isGreaterThan(3000);
    }
}
