package org.heard.cli;

import org.heard.definition.Problem;
import org.heard.framework.FrameworkReader;
import org.heard.survey.SurveyDefinitions;
import org.heard.theme.Codebooks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar heard.jar validate [DIR]}: checks every definition in the surveys folder and
 * prints one line per problem (file, question, what is wrong). Exit code 0 when nothing is wrong.
 */
public final class ValidateCommand {
    private ValidateCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        String dir = args.length > 1 ? args[1] : System.getenv().getOrDefault("HEARD_SURVEYS_DIR", "./surveys");
        Path folder = Path.of(dir);
        var problems = new ArrayList<Problem>();
        MeasureCheck measures = MeasureCheck.load(folder, problems);
        SurveyDefinitions defs = SurveyDefinitions.read(folder, measures::exists, measures.strict());
        problems.addAll(defs.problems());
        Codebooks.check(folder.resolve("codebooks"), problems);
        problems.forEach(p -> out.println(p));
        long errors = problems.stream().filter(p -> !p.warning()).count();
        out.println(summary(defs.surveys().size(), errors, problems.size() - errors));
        return errors == 0 ? 0 : 1;
    }

    private static String summary(int surveys, long errors, long warnings) {
        return surveys + " valid survey" + (surveys == 1 ? "" : "s") + ", " + errors + " error" + (errors == 1 ? "" : "s")
                + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
    }

    /** Which measure ids exist, read from the frameworks folder beside the surveys. */
    private record MeasureCheck(java.util.Set<String> ids, boolean strict) {
        boolean exists(String id) {
            return ids.contains(id);
        }

        static MeasureCheck load(Path surveys, List<Problem> problems) {
            var frameworks = FrameworkReader.read(surveys.resolve("frameworks"), problems);
            var ids = new java.util.HashSet<String>();
            frameworks.values().forEach(f -> f.measures().forEach(m -> ids.add(m.id())));
            return new MeasureCheck(ids, !frameworks.isEmpty());
        }
    }
}
