package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunkSetTest {
    static final String[] WORDS = {"a", "b", "c", "self", ".", "(", ")", "=", "x", "y"};

    static NgramTable table(Random random) {
        String[] stream = new String[5 + random.nextInt(40)];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = WORDS[random.nextInt(random.nextBoolean() ? 4 : WORDS.length)];
        }
        return NgramTable.build(stream, stream.length, new String[0]);
    }

    /** Seeded random sets of tables: a set made from an earlier one answers as one made afresh. */
    @Test
    void aSetMadeFromAnEarlierOneAnswersAsAFreshOne() {
        Random random = new Random(20_261_126);
        for (int round = 0; round < 200; round++) {
            List<NgramTable> pool = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                pool.add(table(random));
            }
            NgramTable[] before = pick(pool, random);
            NgramTable[] after = pick(pool, random);
            ChunkSet root = new ChunkSet(before);
            root.next(contexts(before)[0]); // answers the root remembers
            root.count("a");
            ChunkSet derived = root.derive(after);
            ChunkSet fresh = new ChunkSet(after);
            assertEquals(fresh.total, derived.total);
            for (String w : WORDS) {
                assertEquals(fresh.count(w), derived.count(w), "count of " + w + " in round " + round);
            }
            for (long h : contexts(pool.toArray(new NgramTable[0]))) {
                NextCounts f = fresh.next(h);
                NextCounts d = derived.next(h);
                assertEquals(Arrays.asList(f.tokens), Arrays.asList(d.tokens), "round " + round);
                assertEquals(Arrays.toString(f.counts), Arrays.toString(d.counts), "round " + round);
            }
        }
    }

    @Test
    void aSetFarFromTheEarlierOneIsARootOfItsOwn() {
        Random random = new Random(5);
        List<NgramTable> pool = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pool.add(table(random));
        }
        ChunkSet root = new ChunkSet(pool.subList(0, 15).toArray(new NgramTable[0]));
        ChunkSet other = root.derive(pool.subList(15, 30).toArray(new NgramTable[0]));
        ChunkSet next = other.derive(pool.subList(15, 29).toArray(new NgramTable[0]));
        assertEquals(new ChunkSet(pool.subList(15, 29).toArray(new NgramTable[0])).count("a"), next.count("a"));
    }

    /** Some tables of the pool, a table possibly twice (equal chunks share one table). */
    static NgramTable[] pick(List<NgramTable> pool, Random random) {
        List<NgramTable> out = new ArrayList<>();
        for (NgramTable t : pool) {
            if (random.nextInt(3) > 0) {
                out.add(t);
            }
        }
        if (random.nextBoolean() && !out.isEmpty()) {
            out.add(out.get(random.nextInt(out.size())));
        }
        return out.toArray(new NgramTable[0]);
    }

    static long[] contexts(NgramTable[] tables) {
        TreeSet<Long> all = new TreeSet<>();
        all.add(42L);
        for (NgramTable t : tables) {
            for (long k : t.ctxKeys) {
                all.add(k);
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }
}
