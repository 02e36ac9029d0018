package org.heard.safeguarding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreenerTest {
    private static final Screener SCREENER = ScreenerFactory.load(Path.of("surveys/safeguarding/indicators.yaml"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i just want to kms tbh | self_harm_suicide",
            "sometimes i think about how to unalive myself | self_harm_suicide",
            "how many paracetamol would it take | self_harm_suicide",
            "my step dad hit's me when mum is out | physical_abuse",
            "my stepdad hitting me again last night | physical_abuse",
            "the olders make me go country at weekends | exploitation",
            "a man i met online asked me for nudes | exploitation",
            "my uncle touches me and says its our secret | sexual_abuse",
            "the youth club is good but my dad hits my mum at home | domestic_abuse",
            "theres no food at home most days | neglect",
            "hes got a knife 🔪 please help me | immediate_danger",
            "they are taking me abroad to get married this summer | fgm_forced_marriage",
            "i ran away last week and slept at a friends | going_missing",
            "people at school keep sharing my pics and threaten to share more | bullying_online_harm",
            "my brother said he wants to join isis | radicalisation",
            "i get so hurttttt when he beats me | physical_abuse"})
    void readsWhatYoungPeopleActuallyWrite(String text, String category) {
        ScreenResult r = SCREENER.screen(text);
        assertTrue(r.flagged(), text);
        assertTrue(r.categories().contains(category), text + " -> " + r.categories());
        assertFalse(r.matches().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I've never felt unsafe at home",
            "nobody hurts me, I feel safe",
            "this survey is killing me lol",
            "the CSE course was really useful for my practice",
            "training on county lines awareness helped me spot signs",
            "I nearly died laughing at the drama session",
            "the bus is always late and the park is dark",
            "I like my school and my teachers listen to me"})
    void doesNotCryWolf(String text) {
        assertFalse(SCREENER.screen(text).flagged(), text + " -> " + SCREENER.screen(text).matches());
    }

    @Test
    void aGameOrASportNamedInTheAnswerDoesNotSilenceTheScreen() {
        // Children meet groomers and extremists through games and clubs: the learned screen still reads these.
        assertTrue(SCREENER.screen("a man on roblox keeps asking me to send him pics of me and says not to tell my mum").flagged());
        assertTrue(SCREENER.screen("a guy at my boxing club says we need to get ready for a race war and gave us leaflets").flagged());
        // ...and game talk is still only game talk.
        assertFalse(SCREENER.screen("i killed my mate loads of times in fortnite last night lol").flagged());
        assertFalse(SCREENER.screen("we played a game of football in the park and it was great").flagged());
    }

    @Test
    void professionalWordsDoNotHideARealCase() {
        var rules = ScreenerFactory.rules(Path.of("surveys/safeguarding/indicators.yaml"));
        assertFalse(rules.screen("the county lines training was useful for spotting signs").flagged());
        // Staff report cases in the same words as they talk about training; "disclosed" says it is a real child.
        assertTrue(rules.screen("referral made: a 14 year old disclosed he is doing county lines for an older boy").flagged());
    }

    @Test
    void aNegationEarlierInTheTextDoesNotHideALaterDisclosure() {
        assertTrue(SCREENER.screen("I dont mind school. Last night my dad hit me again").flagged());
        // The indicators alone, so the learned screen cannot make up for them: a "no" that answers the
        // question ends with its sentence, and does not deny what the next one says.
        var rules = ScreenerFactory.rules(Path.of("surveys/safeguarding/indicators.yaml"));
        assertTrue(rules.screen("the question about feeling safe at home - no. my dad hits me").flagged());
        assertTrue(rules.screen("do i feel safe? no! my dad hits me").flagged());
        assertFalse(rules.screen("do i feel safe? yes. no one hits me").flagged());
        assertFalse(rules.screen("my dad never hits me").flagged());
    }

    @Test
    void aBrokenIndicatorsFileIsRefusedWithItsLine() throws Exception {
        Path file = Files.createTempFile("indicators", ".yaml");
        Files.writeString(file, "categories:\n  neglect:\n    label: Neglect\n    phrases: []\n    colour: red\n");
        var e = assertThrows(IllegalStateException.class, () -> ScreenerFactory.load(file));
        assertTrue(e.getMessage().contains(".yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("category 'neglect'"), e.getMessage());
    }

    @Test
    void aThresholdOutsideItsRangeStopsTheServiceWithTheSettingNamed() {
        var e = assertThrows(RuntimeException.class, () -> {
            try (var context = io.micronaut.context.ApplicationContext.run(
                    java.util.Map.of("heard.safeguarding.learned-threshold", "2"), "test")) {
                context.getBean(Screener.class);
            }
        });
        String all = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
        assertTrue(all.contains("learnedThreshold"), all);
    }

    @Test
    void emptyTextIsClear() {
        assertEquals(ScreenResult.CLEAR, SCREENER.screen("   "));
    }
}
