package dev.tarsspeedy.webapp;

/** An API answered a problem (4xx) that the page shows to the user. */
public class ApiRefused extends RuntimeException {

    private final ApiProblem problem;

    public ApiRefused(ApiProblem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
