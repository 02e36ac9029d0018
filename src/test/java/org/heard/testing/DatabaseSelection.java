package org.heard.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Points database tests at MariaDB when the build asks for it ({@code heard.test.database=mariadb}).
 * A developer without MariaDB sees those tests skipped; CI sets {@code HEARD_REQUIRE_MARIADB=true}
 * and then an unreachable server fails the run instead.
 */
public class DatabaseSelection implements ExecutionCondition {
    private static volatile Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"mariadb".equals(System.getProperty("heard.test.database"))) {
            return ConditionEvaluationResult.enabled("embedded H2");
        }
        String url = System.getProperty("heard.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
        System.setProperty("heard.test.datasource.url", url);
        System.setProperty("heard.test.datasource.username", System.getProperty("heard.test.mariadb.username", "root"));
        System.setProperty("heard.test.datasource.password", System.getProperty("heard.test.mariadb.password", ""));
        if (reachable == null) {
            reachable = ping(url);
        }
        if (reachable) {
            return ConditionEvaluationResult.enabled("MariaDB at " + url);
        }
        if ("true".equalsIgnoreCase(System.getenv("HEARD_REQUIRE_MARIADB"))) {
            throw new IllegalStateException("MariaDB is required (HEARD_REQUIRE_MARIADB=true) but " + url + " cannot be reached");
        }
        return ConditionEvaluationResult.disabled("MariaDB at " + url + " cannot be reached");
    }

    private static boolean ping(String url) {
        try (var c = DriverManager.getConnection(url, System.getProperty("heard.test.datasource.username"),
                System.getProperty("heard.test.datasource.password"))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
