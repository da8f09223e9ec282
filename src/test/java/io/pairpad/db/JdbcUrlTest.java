package io.pairpad.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db:5432/app?ssl=true", Optional.of("u"), Optional.empty());
        assertEquals("jdbc:postgresql://db:5432/app?ssl=true", url.url());
        assertEquals(Optional.of("u"), url.user());
        assertEquals("jdbc:postgresql://db:5432/app", url.describe());
    }

    @Test
    void turnsPostgresUrlsIntoJdbcWithTheirCredentials() {
        JdbcUrl url = JdbcUrl.parse("postgres://al%40ice:p%3Ass@db.example:6543/pairpad?sslmode=require",
                Optional.empty(), Optional.empty());
        assertEquals("jdbc:postgresql://db.example:6543/pairpad?sslmode=require", url.url());
        assertEquals(Optional.of("al@ice"), url.user());
        assertEquals(Optional.of("p:ss"), url.password());
    }

    @Test
    void explicitCredentialsWin() {
        JdbcUrl url = JdbcUrl.parse("postgresql://a:b@localhost/x", Optional.of("c"), Optional.of("d"));
        assertEquals("jdbc:postgresql://localhost/x", url.url());
        assertEquals(Optional.of("c"), url.user());
        assertEquals(Optional.of("d"), url.password());
    }
}
