package io.packetclassifier.sigma;

import static io.packetclassifier.sigma.SigmaTesting.fires;
import static io.packetclassifier.sigma.SigmaTesting.load;
import static io.packetclassifier.sigma.SigmaTesting.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sigma's {@code re} is PCRE-flavoured (the specification's modifiers appendix): one test per point where
 * java.util.regex or RE2 read a pattern differently from PCRE, each checked through a whole rule. Where
 * PCRE and pySigma (Python's re) differ, the test says which is followed and why.
 */
class SigmaRegexMeaningTest {

    private static SigmaRuleSet regex(String modifiers, String pattern) {
        return load("sel:\n    CommandLine|re" + modifiers + ": '" + pattern.replace("'", "''") + "'\ncondition: sel\n");
    }

    private static boolean on(SigmaRuleSet rules, String commandLine) {
        return fires(rules, "command_line", commandLine);
    }

    @Test
    void dotMatchesACarriageReturnAndEveryCharacterButALineFeed() {
        // java.util.regex's '.' also stops at \r, \u0085, \u2028 and \u2029: a \r hid a command line from a rule
        SigmaRuleSet rules = regex("", "iex.+invoke");
        assertThat(on(rules, "iex\rinvoke")).isTrue();
        assertThat(on(rules, "iex\u0085\u2028\u2029invoke")).isTrue();
        assertThat(on(rules, "iex\ninvoke")).isFalse();
        assertThat(on(regex("|s", "iex.+invoke"), "iex\ninvoke")).as("s: a line feed too").isTrue();
    }

    @Test
    void dollarWithoutMultilineMatchesAtTheEndOrBeforeAFinalLineFeed() {
        // RE2's $ is the very end only: a trailing line feed would hide a command line from an anchored rule
        SigmaRuleSet rules = regex("", "\\\\cmd\\.exe$");
        assertThat(on(rules, "C:\\cmd.exe")).isTrue();
        assertThat(on(rules, "C:\\cmd.exe\n")).isTrue();
        assertThat(on(rules, "C:\\cmd.exe\n\n")).isFalse();
        assertThat(on(rules, "C:\\cmd.exe\nnext")).isFalse();
        assertThat(on(rules, "C:\\cmd.exe\r")).as("java.util.regex's $ also stops before a final \\r; PCRE's does not").isFalse();
        assertThat(on(regex("", "\\\\cmd\\.exe\\Z"), "C:\\cmd.exe\n")).as("\\Z as $").isTrue();
        assertThat(on(regex("", "\\\\cmd\\.exe\\z"), "C:\\cmd.exe\n")).as("\\z: the very end").isFalse();
        // the one limit: the rest of the pattern cannot take that final line feed (PCRE's $ would leave it there)
        assertThat(on(regex("", "exe$\\n"), "C:\\cmd.exe\n")).isFalse();
    }

    @Test
    void caretWithoutMultilineMatchesAtTheStartOnly() {
        SigmaRuleSet rules = regex("", "^whoami");
        assertThat(on(rules, "whoami /all")).isTrue();
        assertThat(on(rules, "cmd\nwhoami")).isFalse();
    }

    @Test
    void withMultilineCaretAndDollarMatchAtLineFeedsOnly() {
        SigmaRuleSet modifier = regex("|m", "^second$");
        SigmaRuleSet inline = regex("", "(?m)^second$");
        for (SigmaRuleSet rules : new SigmaRuleSet[] { modifier, inline }) {
            assertThat(on(rules, "first\nsecond\nthird")).isTrue();
            assertThat(on(rules, "first\nsecond")).isTrue();
            // java.util.regex's MULTILINE also breaks lines at \r; PCRE's newline is the line feed
            assertThat(on(rules, "first\rsecond\rthird")).isFalse();
        }
        // as Python's re (pySigma) and RE2, ^ also matches after a line feed that ends the text; PCRE's does not
        assertThat(on(regex("|m", "^$"), "first\n")).isTrue();
        assertThat(on(regex("", "(?m:^second$)|^x$"), "first\nsecond\nthird")).as("m inside a group").isTrue();
        assertThat(on(regex("", "(?m:x$)\\nsecond$"), "x\nsecond\n")).as("m ends with its group").isTrue();
        assertThat(on(regex("", "(?m:x$)\\nsecond$"), "x\nsecond\nthird")).isFalse();
    }

    @Test
    void digitWordAndSpaceClassesAreAscii() {
        assertThat(on(regex("", "port \\d+"), "port ٣٣")).as("Arabic-Indic digits are not \\d").isFalse();
        assertThat(on(regex("", "port \\d+"), "port 33")).isTrue();
        assertThat(on(regex("", "^\\w+$"), "café")).as("é is not \\w").isFalse();
        assertThat(on(regex("", "^\\w+$"), "cafe_2")).isTrue();
        // RE2's \s leaves out the vertical tab, PCRE's (like Perl's) has it
        assertThat(on(regex("", "net\\suser"), "net\u000Buser")).isTrue();
        assertThat(on(regex("", "net[\\s]user"), "net\u000Buser")).isTrue();
        assertThat(on(regex("", "net\\suser"), "net\u00A0user")).as("no-break space is not \\s").isFalse();
        assertThat(on(regex("", "net\\Suser"), "net\u000Buser")).isFalse();
        assertThat(on(regex("", "net[^\\S]user"), "net\tuser")).isTrue();
    }

    @Test
    void wordBoundaryIsAscii() {
        // java.util.regex (before Java 19) takes é for a word character at \b, and so finds no boundary before foo
        assertThat(on(regex("", "\\bfoo\\b"), "éfoo")).isTrue();
        assertThat(on(regex("", "\\bfoo\\b"), "xfoo")).isFalse();
        assertThat(on(regex("", "\\Bfoo"), "xfoo")).isTrue();
    }

    @Test
    void caseInsensitiveMatchingFoldsUnicodeAsPcreInUtfMode() {
        // java.util.regex's inline (?i) folds ASCII only; |re|i and (?i) both fold Unicode here, as PCRE2 in UTF mode and Python do
        assertThat(on(regex("|i", "ärger"), "KEIN ÄRGER")).isTrue();
        assertThat(on(regex("", "(?i)ärger"), "KEIN ÄRGER")).isTrue();
        assertThat(on(regex("", "ärger"), "KEIN ÄRGER")).as("case-sensitive by default").isFalse();
        assertThat(on(regex("|i", "stop"), "ſtop")).as("long s folds to s").isTrue();
        assertThat(on(regex("", "(?i)ipconfig(?-i) /ALL"), "IPCONFIG /all")).isFalse();
    }

    @Test
    void verticalAndHorizontalSpaceEscapesArePcresClasses() {
        // RE2 reads \v as the vertical tab alone and has no \h
        assertThat(on(regex("", "a\\vb"), "a\nb")).isTrue();
        assertThat(on(regex("", "a\\vb"), "a\u2028b")).isTrue();
        assertThat(on(regex("", "a\\vb"), "a b")).isFalse();
        assertThat(on(regex("", "a\\hb"), "a\u00A0b")).isTrue();
        assertThat(on(regex("", "a\\hb"), "a\nb")).isFalse();
        assertThat(on(regex("", "a\\Hb"), "a\nb")).isTrue();
        assertThat(on(regex("", "a\\eb"), "a\u001Bb")).isTrue();
        assertThat(on(regex("", "a\\cAb"), "a\u0001b")).isTrue();
        assertThat(on(regex("", "(?<name>ab)(?'other'c)(?P<third>d)"), "abcd")).as("named groups").isTrue();
    }

    @Test
    void constructsThatNeedBacktrackingAreReportedByName() {
        assertThat(reason("(a)\\1")).contains("back-reference '\\1'");
        assertThat(reason("(?<n>a)\\k<n>")).contains("back-reference '\\k<n>'");
        assertThat(reason("(?P<n>a)(?P=n)")).contains("back-reference '(?P=n)'");
        assertThat(reason("cmd(?=\\.exe)")).contains("look-ahead '(?='");
        assertThat(reason("cmd(?!\\.exe)")).contains("negative look-ahead '(?!'");
        assertThat(reason("(?<=x)cmd")).contains("look-behind '(?<='");
        assertThat(reason("(?<!x)cmd")).contains("negative look-behind '(?<!'");
        assertThat(reason("(?>a+)b")).contains("atomic group '(?>'");
        assertThat(reason("a*+b")).contains("possessive quantifier '*+'");
        assertThat(reason("a{2,5}+b")).contains("possessive quantifier '{2,5}+'");
        assertThat(reason("(a|(?R))")).contains("recursion '(?R)'");
        assertThat(reason("(a)(?1)")).contains("subroutine call '(?1'");
        assertThat(reason("(a)?(?(1)b|c)")).contains("conditional group '(?('");
        assertThat(reason("(*SKIP)a")).contains("backtracking control verb '(*'");
        assertThat(reason("(a)\\1")).contains("linear time").startsWith("CommandLine|re: regular expression uses");
        assertThat(reason("(?x) a b")).contains("extended mode '(?x)', which is not supported");
        assertThat(reason("unclosed(group")).contains("regular expression not valid").contains("missing closing )");
    }

    private static String reason(String pattern) {
        return rejected("sel:\n    CommandLine|re: '" + pattern.replace("'", "''") + "'\ncondition: sel\n");
    }
}
