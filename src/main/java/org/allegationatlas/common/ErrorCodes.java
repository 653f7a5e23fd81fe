package org.allegationatlas.common;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.transformation.TransformException;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Gives every error the API returns an {@code extensions.code} and a message a person can
 * act on, and keeps internals (exception class names, stack traces) away from clients:
 * <ul>
 * <li>an {@link ApiException}: its own code and message;</li>
 * <li>a document or variables that do not fit the schema (syntax, unknown field or enum
 * value, wrong type): VALIDATION, with graphql-java's message, which names the value;</li>
 * <li>anything else: INTERNAL, with an id to find it in the server's log.</li>
 * </ul>
 */
public class ErrorCodes extends SimplePerformantInstrumentation {

    public static final String INTERNAL = "INTERNAL";
    public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);
    private static final int STATEMENT_TIMEOUT_MS = ConfigProvider.getConfig()
            .getOptionalValue("atlas.db.statement-timeout-ms", Integer.class).orElse(5000);

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        if (!result.isDataPresent()) {
            GraphQLOverHttp.markRequestError(GraphQLOverHttp.current());
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCodes::withCode).toList();
        // a field whose arguments could not be read is null, and graphql-java then also reports that
        // the non-null field is null: a consequence, not a second problem
        boolean argumentsRejected = coded.stream().anyMatch(e -> ApiException.VALIDATION.equals(codeOf(e)));
        // the same rejected argument under every parent of a batched relation: said once
        Set<String> rejections = new HashSet<>();
        List<GraphQLError> errors = coded.stream()
                .filter(e -> !(argumentsRejected && "NullValueInNonNullableField".equals(String.valueOf(e.getErrorType()))
                        || argumentsRejected && e.getMessage().startsWith("The field at path")))
                .filter(e -> !ApiException.VALIDATION.equals(codeOf(e)) || rejections.add(e.getMessage()))
                .toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    static GraphQLError withCode(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable cause = rootCause(fetching.getException());
            if (cause instanceof ApiException api) {
                return rebuilt(error, api.getMessage(), api.code());
            }
            if (cause instanceof UnauthorizedException) {
                return rebuilt(error, field(error) + " needs an editor token: send Authorization: Bearer <token>", "UNAUTHORIZED");
            }
            if (cause instanceof ForbiddenException) {
                return rebuilt(error, field(error) + " needs the editor role, which this token does not have", "FORBIDDEN");
            }
            if (fetching.getException() instanceof TransformException) {
                // SmallRye reports an unreadable argument itself for an operation, but throws it for a batched relation
                return rebuilt(error, "The arguments of " + field(error)
                        + " could not be read; check that every value has the type the schema gives",
                        ApiException.VALIDATION);
            }
            if (statementTimedOut(fetching.getException())) {
                return rebuilt(error, "A database statement of this request ran longer than " + STATEMENT_TIMEOUT_MS
                        + " ms and was stopped; ask for fewer items (first), a narrower filter or a shallower query",
                        RequestDeadline.TIMEOUT);
            }
            String incident = UUID.randomUUID().toString();
            LOG.errorf(fetching.getException(), "Internal error %s at %s", incident, error.getPath());
            return rebuilt(error, "Internal server error (incident " + incident + "); the server's log has the details",
                    INTERNAL);
        }
        if (codeOf(error) != null) {
            return error;
        }
        ErrorClassification type = error.getErrorType();
        String kind = type == null ? "" : type.toString();
        if (kind.equals("BadFaithIntrospection")) {
            // graphql-java's guard against introspection that multiplies itself: a client's request, not our failure
            return rebuilt(error, "Introspection may ask for __schema, __type and a type's fields, inputFields, interfaces"
                    + " and possibleTypes only once each per request (" + Messages.readable(error.getMessage())
                    + "); ask for them in separate requests, or once through __schema", LIMIT_EXCEEDED);
        }
        String newCode = switch (kind) {
            case "ValidationError", "InvalidSyntax", "OperationNotSupported" -> ApiException.VALIDATION;
            case "ExecutionAborted" -> LIMIT_EXCEEDED; // depth, complexity or token limits
            default -> INTERNAL;
        };
        return rebuilt(error, Messages.readable(error.getMessage()), newCode);
    }

    /**
     * Whether the database stopped a statement at its timeout (common/data/ConnectionSettings): SQLState
     * 57014 on H2 and PostgreSQL, however Hibernate wrapped it.
     */
    static boolean statementTimedOut(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTimeoutException || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Object codeOf(GraphQLError error) {
        return error.getExtensions() == null ? null : error.getExtensions().get("code");
    }

    private static GraphQLError rebuilt(GraphQLError error, String message, String code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        // the classification is the code too: graphql-java's would say "DataFetchingException"
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).extensions(extensions)
                .errorType(ErrorClassification.errorClassification(code));
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }


    /** The first cause the API knows how to report, or the exception itself. */
    private static Throwable rootCause(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiException || cause instanceof UnauthorizedException || cause instanceof ForbiddenException) {
                return cause;
            }
        }
        return t;
    }

    private static String field(GraphQLError error) {
        List<Object> path = error.getPath();
        return path == null || path.isEmpty() ? "This operation" : String.valueOf(path.get(path.size() - 1));
    }

}
