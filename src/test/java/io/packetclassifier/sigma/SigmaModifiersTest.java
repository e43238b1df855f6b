package io.packetclassifier.sigma;

import static io.packetclassifier.sigma.SigmaTesting.CATALOG;
import static io.packetclassifier.sigma.SigmaTesting.build;
import static io.packetclassifier.sigma.SigmaTesting.fires;
import static io.packetclassifier.sigma.SigmaTesting.load;
import static io.packetclassifier.sigma.SigmaTesting.rejected;
import static io.packetclassifier.sigma.SigmaTesting.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** One test per value modifier and value form of the Sigma specification. */
class SigmaModifiersTest {

    @Test
    void containsIsCaseInsensitiveSubstring() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|contains: 'whoami'
                condition: sel
                """);
        assertThat(fires(rules, "command_line", "cmd.exe /c WhoAmI /all")).isTrue();
        assertThat(fires(rules, "command_line", "whoami")).isTrue();
        assertThat(fires(rules, "command_line", "who ami")).isFalse();
        assertThat(fires(rules, "image", "whoami.exe")).as("another field").isFalse();
    }

    @Test
    void startswith() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|startswith: 'net user'
                condition: sel
                """);
        assertThat(fires(rules, "command_line", "NET USER admin")).isTrue();
        assertThat(fires(rules, "command_line", "net user")).isTrue();
        assertThat(fires(rules, "command_line", "c:\\net user")).isFalse();
    }

    @Test
    void endswithWithLoneBackslash() {
        SigmaRuleSet rules = load("""
                sel:
                    Image|endswith: '\\cmd.exe'
                condition: sel
                """);
        assertThat(fires(rules, "image", "C:\\Windows\\System32\\CMD.EXE")).isTrue();
        assertThat(fires(rules, "image", "C:\\Windows\\System32\\xcmd.exe")).isFalse();
        assertThat(fires(rules, "image", "C:\\Windows\\cmd.exe.bak")).isFalse();
    }

    @Test
    void plainValueIsCaseInsensitiveEquality() {
        SigmaRuleSet rules = load("""
                sel:
                    User: 'NT AUTHORITY\\SYSTEM'
                condition: sel
                """);
        assertThat(fires(rules, "user", "nt authority\\system")).isTrue();
        assertThat(fires(rules, "user", "NT AUTHORITY\\SYSTEM ")).isFalse();
        assertThat(fires(rules, "user", "NT AUTHORITY\\SYSTEM32")).isFalse();
        assertThat(fires(rules, "user", null)).isFalse();
    }

    @Test
    void containsAllNeedsEveryValueInAnyOrder() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|contains|all:
                        - ' -nop'
                        - ' -w hidden'
                condition: sel
                """);
        assertThat(fires(rules, "command_line", "powershell -W Hidden -NoP -nop")).isTrue();
        assertThat(fires(rules, "command_line", "powershell -nop -w hidden")).isTrue();
        assertThat(fires(rules, "command_line", "powershell -nop")).isFalse();
        assertThat(fires(rules, "command_line", "powershell -w hidden")).isFalse();
    }

    @Test
    void plainListIsAnyOfItsValues() {
        SigmaRuleSet rules = load("""
                sel:
                    Image|endswith:
                        - '\\rundll32.exe'
                        - '\\regsvr32.exe'
                condition: sel
                """);
        assertThat(fires(rules, "image", "C:\\x\\rundll32.exe")).isTrue();
        assertThat(fires(rules, "image", "C:\\x\\regsvr32.exe")).isTrue();
        assertThat(fires(rules, "image", "C:\\x\\mshta.exe")).isFalse();
    }

    @Test
    void mapIsAllOfItsFields() {
        SigmaRuleSet rules = load("""
                sel:
                    Image|endswith: '\\net.exe'
                    CommandLine|contains: ' user '
                condition: sel
                """);
        assertThat(fires(rules, "image", "C:\\net.exe", "command_line", "net user bob /add")).isTrue();
        assertThat(fires(rules, "image", "C:\\net.exe", "command_line", "net group")).isFalse();
        assertThat(fires(rules, "image", "C:\\net1.exe", "command_line", "net user bob /add")).isFalse();
        assertThat(fires(rules, "command_line", "net user bob /add")).isFalse();
    }

    @Test
    void listOfMapsIsAnyOfTheMaps() {
        SigmaRuleSet rules = load("""
                sel:
                    - Image|endswith: '\\net.exe'
                      CommandLine|contains: ' user '
                    - OriginalFileName: 'net1.exe'
                condition: sel
                """);
        assertThat(fires(rules, "image", "C:\\net.exe", "command_line", "net user x")).isTrue();
        assertThat(fires(rules, "original_file_name", "NET1.EXE")).isTrue();
        assertThat(fires(rules, "image", "C:\\net.exe", "command_line", "net view")).isFalse();
    }

    @Test
    void regexIsUnanchoredAndCaseSensitive() {
        // Sigma leaves anchoring to the rule (SigmaHQ writes ^ and $ when it wants them): find, not matches.
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|re: '-e(nc|ncodedcommand)? [A-Za-z0-9+/=]{8,}'
                condition: sel
                """);
        assertThat(fires(rules, "command_line", "powershell -enc SQBFAFgAIAAo")).isTrue();
        assertThat(fires(rules, "command_line", "powershell -ENC SQBFAFgAIAAo")).isFalse();
        assertThat(fires(rules, "command_line", "powershell -enc abc")).isFalse();
    }

    @Test
    void regexSubModifiersIgnoreCaseMultilineDotall() {
        SigmaRuleSet ignoreCase = load("""
                sel:
                    CommandLine|re|i: '^powershell\\.exe'
                condition: sel
                """);
        assertThat(fires(ignoreCase, "command_line", "PowerShell.EXE -nop")).isTrue();
        assertThat(fires(ignoreCase, "command_line", "x PowerShell.EXE")).isFalse();

        SigmaRuleSet multiline = load("""
                sel:
                    CommandLine|re|m: '^second$'
                condition: sel
                """);
        assertThat(fires(multiline, "command_line", "first\nsecond\nthird")).isTrue();
        SigmaRuleSet notMultiline = load("""
                sel:
                    CommandLine|re: '^second$'
                condition: sel
                """);
        assertThat(fires(notMultiline, "command_line", "first\nsecond\nthird")).isFalse();

        SigmaRuleSet dotall = load("""
                sel:
                    CommandLine|re|s: 'begin.+end'
                condition: sel
                """);
        assertThat(fires(dotall, "command_line", "begin\nend")).isTrue();
        SigmaRuleSet notDotall = load("""
                sel:
                    CommandLine|re: 'begin.+end'
                condition: sel
                """);
        assertThat(fires(notDotall, "command_line", "begin\nend")).isFalse();
    }

    @Test
    void uncompilableRegexIsReportedAndOtherRulesStillLoad() {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG)
                .addYaml("bad.yml", rule("bad", "high", """
                        sel:
                            CommandLine|re: 'unclosed(group'
                        condition: sel
                        """))
                .addYaml("good.yml", rule("good", "high", """
                        sel:
                            CommandLine|contains: 'x'
                        condition: sel
                        """))
                );
        assertThat(rules.size()).isEqualTo(1);
        assertThat(rules.unsupported()).singleElement().satisfies(u -> {
            assertThat(u.source()).isEqualTo("bad.yml");
            assertThat(u.rule()).isEqualTo("bad");
            assertThat(u.reason()).contains("regular expression");
        });
        assertThat(fires(rules, "command_line", "x")).isTrue();
    }

    @Test
    void windashAcceptsAllFiveDashFormsOnlyWhereAParameterStarts() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|windash|contains: 'set-content -force'
                condition: sel
                """);
        for (String dash : new String[] { "-", "/", "\u2013", "\u2014", "\u2015" }) {
            assertThat(fires(rules, "command_line", "x set-content " + dash + "force")).as("dash %s", dash).isTrue();
            assertThat(fires(rules, "command_line", "x SET-CONTENT " + dash + "Force")).as("dash %s", dash).isTrue();
        }
        // the '-' inside "set-content" starts no parameter: it stays as it is
        assertThat(fires(rules, "command_line", "set/content -force")).isFalse();
        assertThat(fires(rules, "command_line", "set\u2013content -force")).isFalse();
        assertThat(fires(rules, "command_line", "set-content force")).isFalse();
    }

    @Test
    void windashExpandsEveryParameterIndependently() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|windash|contains: ' -s -q '
                condition: sel
                """);
        assertThat(fires(rules, "command_line", "cmd /s \u2014q x")).isTrue();
        assertThat(fires(rules, "command_line", "cmd \u2015s /q x")).isTrue();
        assertThat(fires(rules, "command_line", "cmd +s /q x")).isFalse();
    }

    @Test
    void base64() {
        SigmaRuleSet exact = load("""
                sel:
                    CommandLine|base64: 'whoami'
                condition: sel
                """);
        assertThat(fires(exact, "command_line", "d2hvYW1p")).isTrue();
        assertThat(fires(exact, "command_line", "whoami")).isFalse();

        SigmaRuleSet contained = load("""
                sel:
                    CommandLine|base64|contains: 'whoami'
                condition: sel
                """);
        assertThat(fires(contained, "command_line", "powershell -e d2hvYW1p")).isTrue();
    }

    @Test
    void base64offsetFindsTheValueAtEachOfTheThreeByteOffsets() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|base64offset|contains: 'Invoke-Mimikatz'
                condition: sel
                """);
        for (int offset = 0; offset < 6; offset++) {
            String text = "IEX ".substring(0, Math.min(offset, 4)) + "x".repeat(Math.max(0, offset - 4))
                    + "Invoke-Mimikatz -DumpCreds";
            assertThat(fires(rules, "command_line", "powershell -enc " + b64(text, StandardCharsets.UTF_8)))
                    .as("offset %d", offset).isTrue();
            // and when the value ends the text (padding follows it)
            assertThat(fires(rules, "command_line", b64(text.substring(0, offset) + "Invoke-Mimikatz", StandardCharsets.UTF_8)))
                    .as("offset %d, at the end", offset).isTrue();
        }
        // Only characters that depend on the value alone are compared, so a value differing from it in the
        // low bits of its last byte may also match (as in pySigma); a different word does not.
        assertThat(fires(rules, "command_line", "powershell -enc " + b64("IEX Invoke-Mimidogs -DumpCreds",
                StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void utf16leAndWideWithBase64offset() {
        for (String modifier : new String[] { "utf16le", "wide" }) {
            SigmaRuleSet rules = load("""
                    sel:
                        CommandLine|%s|base64offset|contains: 'DownloadString'
                    condition: sel
                    """.formatted(modifier));
            // two bytes a character: characters 0, 1, 2 put the value at bytes 0, 2, 4, i.e. 0, 2, 1 modulo 3
            for (String prefix : new String[] { "", "(", "((" }) {
                String encoded = b64(prefix + "DownloadString('http://x')", StandardCharsets.UTF_16LE);
                assertThat(fires(rules, "command_line", "powershell -enc " + encoded)).as("%s '%s'", modifier, prefix).isTrue();
            }
            assertThat(fires(rules, "command_line", b64("DownloadString", StandardCharsets.UTF_8))).isFalse();
            assertThat(fires(rules, "command_line", b64("DownloadFile('http://x')", StandardCharsets.UTF_16LE))).isFalse();
        }
    }

    @Test
    void utf16beWithBase64offset() {
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|utf16be|base64offset|contains: 'DownloadString'
                condition: sel
                """);
        for (String prefix : new String[] { "", "(", "((" }) {
            assertThat(fires(rules, "command_line", b64(prefix + "DownloadString()", StandardCharsets.UTF_16BE))).isTrue();
        }
        assertThat(fires(rules, "command_line", b64("DownloadFile()", StandardCharsets.UTF_16BE))).isFalse();
    }

    @Test
    void utf16PutsALittleEndianByteOrderMarkBeforeTheValue() {
        // As pySigma: the BOM is part of the encoded value, so it matches a text that starts with the value.
        SigmaRuleSet rules = load("""
                sel:
                    CommandLine|utf16|base64offset|contains: 'DownloadString'
                condition: sel
                """);
        assertThat(fires(rules, "command_line", b64("\uFEFFDownloadString('http://x')", StandardCharsets.UTF_16LE))).isTrue();
        assertThat(fires(rules, "command_line", b64("\uFEFFIEX DownloadString('http://x')", StandardCharsets.UTF_16LE)))
                .isFalse();
    }

    @Test
    void utf16WithoutBase64IsReported() {
        assertThat(rejected("""
                sel:
                    CommandLine|utf16le|contains: 'x'
                condition: sel
                """)).contains("utf16");
    }

    @Test
    void casedAgainstTheCaseInsensitiveDefault() {
        SigmaRuleSet insensitive = load("""
                sel:
                    CommandLine|contains: 'Invoke-Expression'
                condition: sel
                """);
        SigmaRuleSet cased = load("""
                sel:
                    CommandLine|cased|contains: 'Invoke-Expression'
                condition: sel
                """);
        assertThat(fires(insensitive, "command_line", "iex; invoke-expression $x")).isTrue();
        assertThat(fires(cased, "command_line", "iex; invoke-expression $x")).isFalse();
        assertThat(fires(cased, "command_line", "iex; Invoke-Expression $x")).isTrue();
    }

    @Test
    void caseFoldingBeyondAscii() {
        SigmaRuleSet insensitive = load("""
                sel:
                    CommandLine|contains: 'ÄRGER'
                condition: sel
                """);
        SigmaRuleSet cased = load("""
                sel:
                    CommandLine|cased|contains: 'ÄRGER'
                condition: sel
                """);
        assertThat(fires(insensitive, "command_line", "kein ärger")).isTrue();
        assertThat(fires(insensitive, "command_line", "kein Ärger")).isTrue();
        assertThat(fires(cased, "command_line", "kein ärger")).isFalse();
        assertThat(fires(cased, "command_line", "KEIN ÄRGER")).isTrue();
        assertThat(fires(insensitive, "command_line", "kein arger")).isFalse();
    }

    @Test
    void caseFoldingIsPerCharacterSoAContainedValueIsFound() {
        // Word-final capital sigma lower-cases to 'ς' but to 'σ' inside a word: a fold that looks at context
        // (String.toLowerCase) would miss a value that is literally in the text.
        SigmaRuleSet insensitive = load("""
                sel:
                    CommandLine|contains: 'ΟΔΟΣ'
                condition: sel
                """);
        SigmaRuleSet cased = load("""
                sel:
                    CommandLine|cased|contains: 'ΟΔΟΣ'
                condition: sel
                """);
        assertThat(fires(insensitive, "command_line", "ΟΔΟΣΗΜΑΝΣΗ")).isTrue();
        assertThat(fires(insensitive, "command_line", "οδοσημανση")).isTrue();
        assertThat(fires(cased, "command_line", "ΟΔΟΣΗΜΑΝΣΗ")).isTrue();
        assertThat(fires(cased, "command_line", "οδοσημανση")).isFalse();
    }

    @Test
    void fieldref() {
        SigmaRuleSet rules = load("""
                sel:
                    ParentImage|fieldref: Image
                condition: sel
                """);
        assertThat(fires(rules, "image", "C:\\a.exe", "parent_image", "c:\\A.EXE")).isTrue();
        assertThat(fires(rules, "image", "C:\\a.exe", "parent_image", "C:\\b.exe")).isFalse();
        assertThat(fires(rules, "image", "C:\\a.exe")).isFalse();
        assertThat(fires(rules, "parent_image", "C:\\a.exe")).isFalse();

        SigmaRuleSet endswith = load("""
                sel:
                    CommandLine|fieldref|endswith: OriginalFileName
                condition: sel
                """);
        assertThat(fires(endswith, "command_line", "C:\\tmp\\evil.exe", "original_file_name", "EVIL.exe")).isTrue();
        assertThat(fires(endswith, "command_line", "C:\\tmp\\evil.exe x", "original_file_name", "evil.exe")).isFalse();
    }

    @Test
    void existsTrueAndFalse() {
        SigmaRuleSet present = load("""
                sel:
                    ParentCommandLine|exists: true
                condition: sel
                """);
        SigmaRuleSet absent = load("""
                sel:
                    ParentCommandLine|exists: false
                condition: sel
                """);
        assertThat(fires(present, "parent_command_line", "x")).isTrue();
        assertThat(fires(present, "parent_command_line", "")).as("empty is present").isTrue();
        assertThat(fires(present, "image", "x")).isFalse();
        assertThat(fires(absent, "image", "x")).isTrue();
        assertThat(fires(absent, "parent_command_line", "x")).isFalse();
    }

    @Test
    void cidrIpv4() {
        SigmaRuleSet rules = load("""
                sel:
                    SourceIp|cidr: '10.0.0.0/8'
                condition: sel
                """);
        assertThat(fires(rules, "source_ip", "10.1.2.3")).isTrue();
        assertThat(fires(rules, "source_ip", "10.255.255.255")).isTrue();
        assertThat(fires(rules, "source_ip", "11.0.0.1")).isFalse();
        assertThat(fires(rules, "source_ip", "9.255.255.255")).isFalse();
        assertThat(fires(rules, "source_ip", "::ffff:1.2.3.4")).isFalse();

        SigmaRuleSet narrow = load("""
                sel:
                    SourceIp|cidr:
                        - '192.168.1.128/25'
                        - '172.16.0.1/32'
                condition: sel
                """);
        assertThat(fires(narrow, "source_ip", "192.168.1.200")).isTrue();
        assertThat(fires(narrow, "source_ip", "192.168.1.100")).isFalse();
        assertThat(fires(narrow, "source_ip", "172.16.0.1")).isTrue();
        assertThat(fires(narrow, "source_ip", "172.16.0.2")).isFalse();
    }

    @Test
    void cidrIpv6() {
        SigmaRuleSet rules = load("""
                sel:
                    SourceIp|cidr: '2001:db8::/32'
                condition: sel
                """);
        assertThat(fires(rules, "source_ip", "2001:db8::1")).isTrue();
        assertThat(fires(rules, "source_ip", "2001:0DB8:ffff::abcd")).isTrue();
        assertThat(fires(rules, "source_ip", "2001:db9::1")).isFalse();
        assertThat(fires(rules, "source_ip", "10.0.0.1")).isFalse();
    }

    @Test
    void cidrNeverMatchesGarbageAndNeverResolvesNames() {
        SigmaRuleSet rules = load("""
                sel:
                    SourceIp|cidr: '0.0.0.0/0'
                condition: sel
                """);
        assertThat(fires(rules, "source_ip", "1.2.3.4")).isTrue();
        long start = System.nanoTime();
        // "cafe", "bad", "add" are hex-looking host names: resolving them would be a DNS query per event
        for (String garbage : new String[] { "", " ", "not-an-ip", "cafe", "bad", "add.be", "999.1.1.1", "1.2.3.4.5",
                "1.2.3", "10.0.0.1/8", "::g", "[::1]", "1.2.3.4 " }) {
            assertThat(fires(rules, "source_ip", garbage)).as("'%s'", garbage).isFalse();
        }
        assertThat(System.nanoTime() - start).as("no name lookups").isLessThan(2_000_000_000L);
        assertThat(rejected("""
                sel:
                    SourceIp|cidr: 'localhost/8'
                condition: sel
                """)).contains("localhost");
    }

    @Test
    void numericComparisons() {
        SigmaRuleSet gt = load("""
                sel:
                    ProcessId|gt: 1000
                condition: sel
                """);
        SigmaRuleSet gte = load("""
                sel:
                    ProcessId|gte: 1000
                condition: sel
                """);
        SigmaRuleSet lt = load("""
                sel:
                    ProcessId|lt: 1000
                condition: sel
                """);
        SigmaRuleSet lte = load("""
                sel:
                    ProcessId|lte: 1000
                condition: sel
                """);
        assertThat(fires(gt, "process_id", "1001")).isTrue();
        assertThat(fires(gt, "process_id", "1000")).isFalse();
        assertThat(fires(gte, "process_id", "1000")).isTrue();
        assertThat(fires(gte, "process_id", "999.5")).isFalse();
        assertThat(fires(lt, "process_id", "999")).isTrue();
        assertThat(fires(lt, "process_id", "1000")).isFalse();
        assertThat(fires(lte, "process_id", "1000.0")).isTrue();
        assertThat(fires(lte, "process_id", "-5")).isTrue();
        assertThat(fires(gt, "process_id", "100000000000000000000")).isTrue();
        for (SigmaRuleSet rules : new SigmaRuleSet[] { gt, gte, lt, lte }) {
            assertThat(fires(rules, "process_id", "abc")).isFalse();
            assertThat(fires(rules, "process_id", "")).isFalse();
            assertThat(fires(rules, "process_id", "NaN")).isFalse();
            assertThat(fires(rules, "image", "x")).isFalse();
        }
        assertThat(rejected("""
                sel:
                    ProcessId|gt: 'many'
                condition: sel
                """)).contains("not a number");
    }

    @Test
    void nullMeansAbsentOrEmpty() {
        SigmaRuleSet rules = load("""
                sel:
                    ParentImage: null
                condition: sel
                """);
        assertThat(fires(rules, "image", "x")).isTrue();
        assertThat(fires(rules, "parent_image", "")).isTrue();
        assertThat(fires(rules, "parent_image", "C:\\x.exe")).isFalse();

        SigmaRuleSet notNull = load("""
                sel:
                    Image|endswith: '.exe'
                filter:
                    ParentImage: null
                condition: sel and not filter
                """);
        assertThat(fires(notNull, "image", "a.exe", "parent_image", "b.exe")).isTrue();
        assertThat(fires(notNull, "image", "a.exe")).isFalse();
    }

    @Test
    void emptyStringMatchesOnlyAnEmptyValue() {
        SigmaRuleSet rules = load("""
                sel:
                    OriginalFileName: ''
                condition: sel
                """);
        assertThat(fires(rules, "original_file_name", "")).isTrue();
        assertThat(fires(rules, "original_file_name", "a")).isFalse();
        assertThat(fires(rules, "image", "x")).as("absent is not empty").isFalse();
    }

    @Test
    void starAndQuestionMarkWildcards() {
        SigmaRuleSet star = load("""
                sel:
                    CommandLine: 'net * /add'
                condition: sel
                """);
        assertThat(fires(star, "command_line", "net user bob /add")).isTrue();
        assertThat(fires(star, "command_line", "NET  /ADD")).isTrue();
        assertThat(fires(star, "command_line", "net user bob /add x")).isFalse();
        assertThat(fires(star, "command_line", "xnet user /add")).isFalse();

        SigmaRuleSet question = load("""
                sel:
                    Image|endswith: '\\cmd.ex?'
                condition: sel
                """);
        assertThat(fires(question, "image", "C:\\W\\CMD.EXE")).isTrue();
        assertThat(fires(question, "image", "C:\\W\\cmd.exx")).isTrue();
        assertThat(fires(question, "image", "C:\\W\\cmd.ex")).isFalse();
        assertThat(fires(question, "image", "C:\\W\\cmd.exee")).isFalse();

        SigmaRuleSet both = load("""
                sel:
                    CommandLine: '*a?c*e'
                condition: sel
                """);
        assertThat(fires(both, "command_line", "xxABCyyE")).isTrue();
        assertThat(fires(both, "command_line", "a\nc e")).as("? matches any character, newline too").isTrue();
        assertThat(fires(both, "command_line", "xxacyye")).isFalse();
    }

    @Test
    void escapedWildcardsAndBackslashes() {
        SigmaRuleSet star = load("""
                sel:
                    CommandLine|contains: 'a\\*b'
                condition: sel
                """);
        assertThat(fires(star, "command_line", "x a*b x")).isTrue();
        assertThat(fires(star, "command_line", "x aXb x")).isFalse();

        SigmaRuleSet question = load("""
                sel:
                    CommandLine|endswith: 'what\\?'
                condition: sel
                """);
        assertThat(fires(question, "command_line", "so what?")).isTrue();
        assertThat(fires(question, "command_line", "so whatX")).isFalse();

        SigmaRuleSet backslash = load("""
                sel:
                    CommandLine: 'a\\\\b'
                condition: sel
                """);
        assertThat(fires(backslash, "command_line", "a\\b")).isTrue();
        assertThat(fires(backslash, "command_line", "a\\\\b")).isFalse();

        SigmaRuleSet backslashThenWildcard = load("""
                sel:
                    Image: 'C:\\Windows\\\\*'
                condition: sel
                """);
        assertThat(fires(backslashThenWildcard, "image", "C:\\Windows\\notepad.exe")).isTrue();
        assertThat(fires(backslashThenWildcard, "image", "C:\\Windowsnotepad.exe")).isFalse();
    }

    @Test
    void loneBackslashesInWindowsPathsAreLiteral() {
        SigmaRuleSet path = load("""
                sel:
                    Image: 'C:\\Windows\\System32\\cmd.exe'
                condition: sel
                """);
        assertThat(fires(path, "image", "c:\\windows\\system32\\cmd.exe")).isTrue();
        assertThat(fires(path, "image", "C:WindowsSystem32cmd.exe")).isFalse();

        SigmaRuleSet trailing = load("""
                sel:
                    Image|startswith: 'C:\\Windows\\'
                condition: sel
                """);
        assertThat(fires(trailing, "image", "C:\\Windows\\x.exe")).isTrue();
        assertThat(fires(trailing, "image", "C:\\WindowsApps\\x.exe")).isFalse();

        // The spec's trap: in 'C:\Windows\*' the backslash escapes the star, so it is the literal text
        // "C:\Windows*" (pySigma reads it so too); a folder wildcard is written 'C:\Windows\\*'.
        SigmaRuleSet escapedStar = load("""
                sel:
                    Image: 'C:\\Windows\\*'
                condition: sel
                """);
        assertThat(fires(escapedStar, "image", "C:\\Windows*")).isTrue();
        assertThat(fires(escapedStar, "image", "C:\\Windows\\notepad.exe")).isFalse();
    }

    @Test
    void numericYamlValues() {
        SigmaRuleSet rules = load("""
                sel:
                    EventID: 4688
                    LogonType:
                        - 2
                        - 10
                condition: sel
                """);
        assertThat(fires(rules, "event_id", "4688", "logon_type", "10")).isTrue();
        assertThat(fires(rules, "event_id", "4688", "logon_type", "2")).isTrue();
        assertThat(fires(rules, "event_id", "4688", "logon_type", "3")).isFalse();
        assertThat(fires(rules, "event_id", "46880", "logon_type", "2")).isFalse();
    }

    @Test
    void unknownModifierIsReported() {
        assertThat(rejected("""
                sel:
                    CommandLine|expand: '%placeholder%'
                condition: sel
                """)).contains("expand");
    }

    @Test
    void keywordSearchesAreReported() {
        assertThat(rejected("""
                keywords:
                    - 'mimikatz'
                    - 'sekurlsa'
                condition: keywords
                """)).contains("keyword");
        assertThat(rejected("""
                keywords: 'mimikatz'
                condition: keywords
                """)).contains("keyword");
        assertThat(rejected("""
                sel:
                    '|contains': 'mimikatz'
                condition: sel
                """)).contains("keyword");
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }
}
