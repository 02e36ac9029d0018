package org.heard.survey;

import org.heard.definition.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Everything read from a surveys folder: the valid surveys, the agencies, and every problem found.
 * Surveys with errors are left out; the rest are served.
 */
public record SurveyDefinitions(Map<String, Survey> surveys, Agencies agencies, List<Problem> problems) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> !p.warning());
    }

    /**
     * Reads every {@code *.yaml} directly in {@code dir} (not its sub-folders) except the agency list.
     *
     * @param measureExists            whether a framework measure id is known
     * @param unknownMeasuresAreErrors whether an unknown measure id makes a survey invalid
     */
    public static SurveyDefinitions read(Path dir, Predicate<String> measureExists, boolean unknownMeasuresAreErrors) {
        var problems = new ArrayList<Problem>();
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.error(dir.toString(), 0, null, "the surveys folder does not exist"));
            return new SurveyDefinitions(Map.of(), new Agencies(List.of()), problems);
        }
        Agencies agencies = Agencies.read(dir, problems);
        var parser = new SurveyParser(measureExists, unknownMeasuresAreErrors, agencies.all());
        var surveys = new LinkedHashMap<String, Survey>();
        var files = new HashMap<String, String>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(f -> f.getFileName().toString().endsWith(".yaml")
                    && !f.getFileName().toString().equals(Agencies.FILE)).sorted().toList()) {
                String name = file.getFileName().toString();
                parser.parse(file, name, problems).ifPresent(s -> {
                    if (files.containsKey(s.id())) {
                        problems.add(Problem.error(name, 0, "survey '" + s.id() + "'",
                                "the id is already used by " + files.get(s.id())));
                    } else {
                        files.put(s.id(), name);
                        surveys.put(s.id(), s);
                    }
                });
                checkAgencyQuestions(name, problems, surveys, agencies);
            }
        } catch (IOException e) {
            problems.add(Problem.error(dir.toString(), 0, null, "cannot list the folder: " + e.getMessage()));
        }
        FollowUpCheck.check(surveys, parser.waves(), problems);
        return new SurveyDefinitions(java.util.Collections.unmodifiableMap(surveys), agencies, List.copyOf(problems));
    }

    private static void checkAgencyQuestions(String file, List<Problem> problems,
                                             Map<String, Survey> surveys, Agencies agencies) {
        if (!agencies.all().isEmpty()) {
            return;
        }
        surveys.values().stream().filter(s -> s.source().equals(file) && s.agencyQuestion().isPresent()).findFirst()
                .ifPresent(s -> {
                    problems.add(Problem.error(file, 0, "question '" + s.agencyQuestion().get().id() + "'",
                            "an agency question needs the agency list in " + Agencies.FILE));
                    surveys.remove(s.id());
                });
    }
}
