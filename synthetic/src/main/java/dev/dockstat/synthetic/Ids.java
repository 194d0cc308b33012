package dev.dockstat.synthetic;

import java.util.Random;

/** Random hex identifiers, reproducible from the fleet's seed. */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    static String hex(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }
}
