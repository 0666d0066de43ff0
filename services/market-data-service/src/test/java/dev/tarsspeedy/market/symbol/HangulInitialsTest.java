package dev.tarsspeedy.market.symbol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HangulInitialsTest {

    @Test
    void eachSyllableGivesItsInitialConsonant() {
        assertThat(HangulInitials.of("삼성전자")).isEqualTo("ㅅㅅㅈㅈ");
        assertThat(HangulInitials.of("현대차")).isEqualTo("ㅎㄷㅊ");
        assertThat(HangulInitials.of("가")).isEqualTo("ㄱ");
        assertThat(HangulInitials.of("힣")).isEqualTo("ㅎ");
    }

    @Test
    void doubleConsonantsStayDouble() {
        assertThat(HangulInitials.of("까뚜빠싸짜")).isEqualTo("ㄲㄸㅃㅆㅉ");
        assertThat(HangulInitials.of("쌍용씨앤이")).isEqualTo("ㅆㅇㅆㅇㅇ");
    }

    @Test
    void otherCharactersStayFoldedAndBlanksGo() {
        assertThat(HangulInitials.of("LG에너지솔루션")).isEqualTo("lgㅇㄴㅈㅅㄹㅅ");
        assertThat(HangulInitials.of("SK 하이닉스")).isEqualTo("skㅎㅇㄴㅅ");
        assertThat(HangulInitials.of("KODEX 200")).isEqualTo("kodex200");
        assertThat(HangulInitials.of("NAVER")).isEqualTo("naver");
        assertThat(HangulInitials.of("ㅅㅅ전자")).isEqualTo("ㅅㅅㅈㅈ");
        assertThat(HangulInitials.of("")).isEmpty();
    }

    @Test
    void conjoiningInitialsAreReadAsTheLettersPeopleType() {
        // U+1109 U+1109 are the conjoining forms of ㅅ, as some input methods send them.
        assertThat(HangulInitials.fold("\u1109\u1109")).isEqualTo("ㅅㅅ");
    }

    @Test
    void aQueryMayMixSyllablesAndInitials() {
        String name = HangulInitials.fold("삼성전자");
        assertThat(HangulInitials.indexOf(name, "ㅅㅅㅈㅈ")).isZero();
        assertThat(HangulInitials.indexOf(name, "삼ㅅ")).isZero();
        assertThat(HangulInitials.indexOf(name, "ㅅ성")).isZero();
        assertThat(HangulInitials.indexOf(name, "전ㅈ")).isEqualTo(2);
        assertThat(HangulInitials.indexOf(name, "ㅈㅈ")).isEqualTo(2);
        assertThat(HangulInitials.indexOf(name, "ㅅㅈㅅ")).isEqualTo(-1);
        // ㄱ is not ㄲ: 까 starts with ㄲ.
        assertThat(HangulInitials.indexOf(HangulInitials.fold("까뮤이앤씨"), "ㄱ")).isEqualTo(-1);
        assertThat(HangulInitials.indexOf(HangulInitials.fold("까뮤이앤씨"), "ㄲ")).isZero();
        assertThat(HangulInitials.indexOf(HangulInitials.fold("Apple Inc."), HangulInitials.fold("apple i")))
                .isZero();
    }
}
