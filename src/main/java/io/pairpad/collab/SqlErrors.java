package io.pairpad.collab;

import java.sql.SQLException;

/** Reading what went wrong out of a database exception. */
final class SqlErrors {
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
}
