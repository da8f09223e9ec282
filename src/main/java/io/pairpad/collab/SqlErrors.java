package io.pairpad.collab;

import java.sql.SQLException;

/** Reading what went wrong out of a database exception. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String REVISION_KEY = "operations_pkey";
    private static final String OP_ID_KEY = "operations_op_id";

    private SqlErrors() {
    }

    /**
     * What went wrong, fit for a log: the driver's messages quote the statement's values, which hold code and
     * full room ids, so only the SQLState and the exception's kind are kept.
     */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException last = sql;
                while (last.getNextException() != null) {
                    last = last.getNextException();
                }
                return last.getClass().getSimpleName() + " (SQLState " + last.getSQLState() + ")";
            }
        }
        return failure.getClass().getSimpleName();
    }

    /**
     * True when an insert failed because the log already holds an op at that revision (another instance
     * stored it first) or an op with that id.
     */
    static boolean alreadyStored(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String message = String.valueOf(e.getMessage());
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())
                            && (message.contains(REVISION_KEY) || message.contains(OP_ID_KEY))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
