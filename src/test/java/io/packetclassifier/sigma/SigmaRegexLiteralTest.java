package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;

/** The literal the prefilter requires of a {@code |re} value: it must be in every text the regex finds. */
class SigmaRegexLiteralTest {

    private static String literal(String regex) {
        return RegexLiteral.of(RegexToken.tokenize(regex), false);
    }

    private static String caselessLiteral(String regex) {
        return RegexLiteral.of(RegexToken.tokenize(regex), true);
    }

    @Test
    void longestTopLevelRun() {
        assertThat(literal("ipconfig\\s+/all")).isEqualTo("ipconfig");
        assertThat(literal("cmd.{0,5}(?:/c|/r).+powershell.+(?:\\$\\{?input\\}?|noexit).+\"")).isEqualTo("powershell");
        assertThat(literal("\\$PSHome\\[\\s*\\d{1,3}\\s*\\]")).isEqualTo("$pshome[");
        assertThat(literal("^powershell\\.exe$")).isEqualTo("powershell.exe");
        assertThat(literal("[abc]+define")).isEqualTo("define");
        assertThat(literal("a(?:b|c)dd")).isEqualTo("dd");
        assertThat(literal("ab\\Qxyz\\Ecd")).as("quoted text ends the run").isEqualTo("ab");
        assertThat(literal("a{,3}bc")).as("{,3} is literal text in PCRE and RE2").isEqualTo("a{,3}bc");
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
    }

    @Test
    void caseInsensitiveRunsStopAtLettersWhoseMatchesLowerCaseDifferently() {
        // (?i)s matches 'ſ' (long s), which lower-cases to itself: a lower-cased "stop" is not in "ſtop"
        assertThat(Pattern.compile("(?i)stop").matcher("ſtop").find()).isTrue();
        assertThat(caselessLiteral("stop")).isEqualTo("top");
        assertThat(literal("(?i)whoami /all")).isEqualTo("whoami /all");
        assertThat(literal("(?i)ipconfig")).isEqualTo("ipconfig");
        assertThat(literal("(?i)ärger")).as("no non-ASCII letter under case folding").isEqualTo("rger");
        assertThat(literal("ärger")).isEqualTo("ärger");
        assertThat(literal("abc(?i)stuvw")).isEqualTo("tuvw");
        assertThat(caselessLiteral("(?-i)stop")).isEqualTo("stop");
    }

    /** Every ASCII character but 's' is matched case-insensitively only by characters lower-casing to its own lower case. */
    @Test
    void theCaseFoldingRuleHoldsForEveryCharacter() {
        Pattern anyAscii = Pattern.compile("(?i)[\\x00-\\x7F]");
        int foreign = 0;
        for (int other = 128; other <= Character.MAX_CODE_POINT; other++) {
            String text = new String(Character.toChars(other));
            if (!anyAscii.matches(text)) {
                continue;
            }
            foreign++;
            for (char c = 0; c < 128; c++) {
                if (c != 's' && c != 'S' && Pattern.compile("(?i)" + Pattern.quote(String.valueOf(c))).matches(text)) {
                    assertThat(CaseFolding.lower(text)).as("U+%04X against %s", other, c)
                            .isEqualTo(CaseFolding.lower(String.valueOf(c)));
                }
            }
        }
        assertThat(foreign).as("the Kelvin sign and the long s").isEqualTo(2);
    }

    @Test
    void everyFoundTextContainsTheLiteralOverRandomRegexes() throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        String[] atoms = { "a", "b", "c", "s", "k", "-", "\\.", "\\\\", "\\s", "[ab]", "[^a]", ".", "(?:a|bc)", "(b)", "\\d",
                "(?i)", "(?-i)", "^", "$", "A", "S", "K" };
        String[] quantifiers = { "", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}", "+?", "*?" };
        String alphabet = "abcsAkKSBC-.\\ 1\nſ\u212A";
        int checked = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder regex = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                String atom = atoms[random.nextInt(atoms.length)];
                regex.append(atom);
                if (!atom.startsWith("(?") || atom.startsWith("(?:")) {
                    regex.append(atom.equals("^") || atom.equals("$") ? "" : quantifiers[random.nextInt(quantifiers.length)]);
                }
                if (random.nextInt(20) == 0) {
                    regex.append('|');
                }
            }
            Set<Modifier> modifiers = random.nextBoolean() ? EnumSet.of(Modifier.IGNORE_CASE) : EnumSet.noneOf(Modifier.class);
            RegexValue value;
            try {
                value = RegexValue.compile(regex.toString(), modifiers);
            } catch (UnsupportedRuleException e) {
                continue;
            }
            for (int t = 0; t < 30; t++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(14); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (value.literal() != null && value.pattern().matcher(text).find()) {
                    assertThat(CaseFolding.lower(text.toString())).as("/%s/ %s found in '%s'", regex, modifiers, text)
                            .contains(value.literal());
                    checked++;
                }
            }
        }
        assertThat(checked).as("texts the regexes found").isGreaterThan(3000);
    }
}
