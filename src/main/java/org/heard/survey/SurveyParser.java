package org.heard.survey;

import io.micronaut.core.annotation.Nullable;
import org.heard.definition.Problem;
import org.heard.definition.YamlDocument;
import org.heard.definition.YamlNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one survey file and checks everything an author can get wrong, reporting each problem with
 * its line and question rather than stopping at the first.
 */
final class SurveyParser {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final String NO_FOLLOW_UP = ", followUp=null]";
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final Pattern RETENTION = Pattern.compile("(\\d{1,4})\\s*(day|days|month|months|year|years)");
    private static final Set<String> SURVEY_KEYS = Set.of("id", "title", "version", "audience", "channels", "anonymity",
            "opens", "closes", "retention", "introduction", "privacy", "questions", "followUpOf");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "type", "text", "hint", "required", "options", "scale",
            "min", "max", "maxLength", "preferNotToSay", "showIf", "measures", "repeats");

    private final Predicate<String> measureExists;
    private final boolean unknownMeasuresAreErrors;
    private final List<Option> agencies;
    private final Map<String, WaveDeclaration> waves = new HashMap<>();

    /**
     * @param measureExists            whether a framework measure id is known
     * @param unknownMeasuresAreErrors false while no framework is loaded: unknown ids only warn
     */
    SurveyParser(Predicate<String> measureExists, boolean unknownMeasuresAreErrors, List<Option> agencies) {
        this.measureExists = measureExists;
        this.unknownMeasuresAreErrors = unknownMeasuresAreErrors;
        this.agencies = agencies;
    }

    /**
     * Where each valid follow-up survey read so far named its baseline, by file: the baseline can only
     * be checked once every file is read.
     */
    Map<String, WaveDeclaration> waves() {
        return waves;
    }

    /** The survey, or empty when the file has errors (all of them added to {@code problems}). */
    Optional<Survey> parse(Path file, String displayName, List<Problem> problems) {
        var mine = new ArrayList<Problem>();
        Optional<Survey> survey = YamlDocument.read(file, displayName, mine).flatMap(root -> parseRoot(root, displayName, mine));
        problems.addAll(mine);
        return mine.stream().anyMatch(p -> !p.warning()) ? Optional.empty() : survey;
    }

    private Optional<Survey> parseRoot(YamlNode root, String displayName, List<Problem> problems) {
        if (!root.isMapping()) {
            root.error("a survey file must be a mapping with id, title, questions and the other fields");
            return Optional.empty();
        }
        root.rejectUnknownKeys(SURVEY_KEYS);
        String id = root.string("id", true);
        if (id != null && !SLUG.matcher(id).matches()) {
            root.get("id").orElseThrow().error("id '" + id + "' must use only lower-case letters, digits and hyphens");
        }
        String title = root.string("title", true);
        Integer version = root.integer("version", true);
        if (version != null && version < 1) {
            root.get("version").orElseThrow().error("version must be 1 or more");
        }
        Audience audience = enumField(root, "audience", Audience::fromId, "children_young_people, parents_carers, staff, training_attendees or community");
        Anonymity anonymity = enumField(root, "anonymity", Anonymity::fromId, "anonymous, pseudonymous or identified");
        Set<SurveyChannel> channels = EnumSet.noneOf(SurveyChannel.class);
        for (String c : root.strings("channels")) {
            SurveyChannel.fromId(c).ifPresentOrElse(channels::add,
                    () -> root.get("channels").orElseThrow().error("channel '" + c + "' is not web or telegram"));
        }
        if (root.get("channels").isEmpty()) {
            root.error("'channels' is missing (web, telegram or both)");
        }
        LocalDate opens = root.date("opens", true);
        LocalDate closes = root.date("closes", false);
        if (opens != null && closes != null && closes.isBefore(opens)) {
            root.get("closes").orElseThrow().error("closes (" + closes + ") is before opens (" + opens + ")");
        }
        Period retention = retention(root);
        String introduction = root.string("introduction", true);
        String privacy = root.string("privacy", true);
        List<Question> questions = questions(root);
        WaveDeclaration wave = WaveDeclaration.read(root);
        if (problems.stream().anyMatch(p -> !p.warning())) {
            return Optional.empty();
        }
        if (wave != null) {
            waves.put(displayName, wave);
        }
        var survey = new Survey(id, title, version, audience, channels, anonymity, opens, closes, retention,
                introduction, privacy, questions, "", displayName, wave == null ? null : wave.followUp());
        return Optional.of(withHash(survey));
    }

    private Period retention(YamlNode root) {
        String s = root.string("retention", true);
        if (s == null) {
            return null;
        }
        Matcher m = RETENTION.matcher(s.toLowerCase());
        if (!m.matches()) {
            root.get("retention").orElseThrow().error("retention must look like '24 months', '2 years' or '90 days', not '" + s + "'");
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 'd' -> Period.ofDays(n);
            case 'm' -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }

    private List<Question> questions(YamlNode root) {
        Optional<YamlNode> node = root.get("questions");
        if (node.isEmpty() || !node.get().isSequence() || node.get().items().isEmpty()) {
            root.error("'questions' must be a list with at least one question");
            return List.of();
        }
        var questions = new ArrayList<Question>();
        var seen = new HashSet<String>();
        int index = 0;
        for (YamlNode q : node.get().items()) {
            index++;
            if (!q.isMapping()) {
                q.error("question " + index + " must be a mapping with id, type and text");
                continue;
            }
            String qid = q.string("id", false);
            q.about(qid == null ? "question " + index : "question '" + qid + "'");
            if (qid == null) {
                q.error("'id' is missing");
            } else if (!SLUG.matcher(qid).matches()) {
                q.error("id must use only lower-case letters, digits and hyphens");
            } else if (!seen.add(qid)) {
                q.error("the id is used by an earlier question too");
            }
            Question parsed = question(q, qid, questions);
            if (parsed != null) {
                questions.add(parsed);
            }
        }
        return questions;
    }

    @Nullable
    private Question question(YamlNode q, String qid, List<Question> earlier) {
        q.rejectUnknownKeys(QUESTION_KEYS);
        QuestionType type = enumField(q, "type", QuestionType::fromId,
                "single_choice, multiple_choice, scale, yes_no, short_text, long_text, number, date or agency");
        String text = q.string("text", true);
        String hint = q.string("hint", false);
        boolean required = q.bool("required", false);
        boolean preferNotToSay = q.bool("preferNotToSay", false);
        List<Option> options = options(q, type);
        Scale scale = type == QuestionType.SCALE ? scale(q) : null;
        Double min = q.number("min");
        Double max = q.number("max");
        if (min != null && max != null && min > max) {
            q.error("min is larger than max");
        }
        Integer maxLength = q.integer("maxLength", false);
        if (maxLength != null && (maxLength < 1 || maxLength > 10_000)) {
            q.error("maxLength must be between 1 and 10000");
        }
        if (preferNotToSay && type != null && (type.isFreeText() || type == QuestionType.NUMBER || type == QuestionType.DATE)) {
            q.error("preferNotToSay fits choice, scale and yes/no questions; leave a text, number or date question optional instead");
        }
        Condition showIf = condition(q, earlier);
        List<String> measures = q.strings("measures");
        for (String m : measures) {
            if (!measureExists.test(m)) {
                String msg = "measure '" + m + "' is not in any framework in surveys/frameworks";
                if (unknownMeasuresAreErrors) {
                    q.error(msg);
                } else {
                    q.warn(msg);
                }
            }
        }
        if (type == null || text == null || qid == null) {
            return null;
        }
        return new Question(qid, type, text, hint, required, options, scale, min, max, maxLength, preferNotToSay,
                showIf, List.copyOf(measures));
    }

    private List<Option> options(YamlNode q, QuestionType type) {
        Optional<YamlNode> node = q.get("options");
        boolean needs = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        if (!needs) {
            if (node.isPresent()) {
                q.error("only single_choice and multiple_choice questions take options");
            }
            return List.of();
        }
        if (node.isEmpty() || node.get().items().size() < 2) {
            q.error("a choice question needs at least two options");
            return List.of();
        }
        var out = new ArrayList<Option>();
        var values = new HashSet<String>();
        for (YamlNode o : node.get().items()) {
            String value;
            String label;
            if (o.isScalar()) {
                label = o.text();
                value = label == null ? null : label.strip().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            } else {
                o.rejectUnknownKeys(Set.of("value", "label"));
                value = o.string("value", true);
                label = o.string("label", true);
            }
            if (value == null || label == null) {
                continue;
            }
            if (!VALUE.matcher(value).matches()) {
                o.error("option value '" + value + "' may use only letters, digits, '-', '_' and '.'");
            } else if (Question.PREFER_NOT_TO_SAY.equals(value)) {
                o.error("use preferNotToSay: true rather than an option called prefer_not_to_say");
            } else if (!values.add(value)) {
                o.error("option value '" + value + "' is used twice");
            }
            out.add(new Option(value, label));
        }
        return List.copyOf(out);
    }

    @Nullable
    private Scale scale(YamlNode q) {
        Optional<YamlNode> node = q.get("scale");
        if (node.isEmpty() || !node.get().isMapping()) {
            q.error("a scale question needs scale: {min: 1, max: 5, minLabel: ..., maxLabel: ...}");
            return null;
        }
        YamlNode s = node.get();
        s.rejectUnknownKeys(Set.of("min", "max", "minLabel", "maxLabel"));
        Integer min = s.integer("min", true);
        Integer max = s.integer("max", true);
        if (min == null || max == null) {
            return null;
        }
        if (max <= min || max - min > 10) {
            s.error("scale needs min below max and at most 11 points");
            return null;
        }
        return new Scale(min, max, s.string("minLabel", false), s.string("maxLabel", false));
    }

    @Nullable
    private Condition condition(YamlNode q, List<Question> earlier) {
        Optional<YamlNode> node = q.get("showIf");
        if (node.isEmpty()) {
            return null;
        }
        YamlNode c = node.get();
        c.rejectUnknownKeys(Set.of("question", "equals", "in"));
        String target = c.string("question", true);
        var values = new LinkedHashSet<String>();
        String eq = c.string("equals", false);
        if (eq != null) {
            values.add(eq);
        }
        values.addAll(c.strings("in"));
        if (values.isEmpty()) {
            c.error("showIf needs 'equals: value' or 'in: [values]'");
            return null;
        }
        if (target == null) {
            return null;
        }
        Optional<Question> source = earlier.stream().filter(e -> e.id().equals(target)).findFirst();
        if (source.isEmpty()) {
            c.error("showIf refers to '" + target + "', which is not an earlier question");
            return null;
        }
        Set<String> allowed = new HashSet<>();
        source.get().choices(agencies).forEach(o -> allowed.add(o.value()));
        if (!allowed.isEmpty()) {
            for (String v : values) {
                if (!allowed.contains(v)) {
                    c.error("'" + v + "' is not an answer question '" + target + "' offers");
                }
            }
        }
        // In file order: the content hash reads these values, and Set.copyOf's order changes from one run to the next.
        return new Condition(target, java.util.Collections.unmodifiableSet(values));
    }

    private <E> E enumField(YamlNode node, String key, java.util.function.Function<String, Optional<E>> lookup, String expected) {
        String s = node.string(key, true);
        if (s == null) {
            return null;
        }
        Optional<E> e = lookup.apply(s);
        if (e.isEmpty()) {
            node.get(key).orElseThrow().error("'" + s + "' is not a valid " + key + " (use " + expected + ")");
            return null;
        }
        return e.get();
    }

    private static Survey withHash(Survey s) {
        // The hash covers what respondents see and what answers mean, not comments or layout in the file,
        // nor which survey it follows up: naming a baseline changes no answer, so it must not make a new
        // version. The follow-up is the record's last component, and is cut off so that every survey
        // keeps the hash it had before waves existed.
        String full = s.withVersion(0).withFollowUp(null).toString();
        String canonical = (full.substring(0, full.length() - NO_FOLLOW_UP.length()) + "]").replace(s.source(), "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new Survey(s.id(), s.title(), s.version(), s.audience(), s.channels(), s.anonymity(), s.opens(),
                    s.closes(), s.retention(), s.introduction(), s.privacy(), s.questions(), HexFormat.of().formatHex(digest), s.source(),
                    s.followUp());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
