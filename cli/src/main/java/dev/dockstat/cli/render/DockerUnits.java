package dev.dockstat.cli.render;

/**
 * Sizes as the docker CLI prints them (go-units): memory in binary units with 4 significant digits
 * ({@code 1.496MiB}), network and block I/O in decimal units with 3 ({@code 1.5kB}).
 */
public final class DockerUnits {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private DockerUnits() {}

    /** go-units {@code BytesSize}: {@code %.4g} in powers of 1024. */
    public static String binary(double bytes) {
        return custom(bytes, 1024.0, BINARY, 4);
    }

    /** go-units {@code HumanSizeWithPrecision(size, 3)}: {@code %.3g} in powers of 1000. */
    public static String decimal(double bytes) {
        return custom(bytes, 1000.0, DECIMAL, 3);
    }

    /** go-units {@code HumanSize}: {@code %.4g} in powers of 1000, as {@code docker system df} prints. */
    public static String decimal4(double bytes) {
        return custom(bytes, 1000.0, DECIMAL, 4);
    }

    private static String custom(double size, double base, String[] units, int precision) {
        int i = 0;
        while (size >= base && i < units.length - 1) {
            size /= base;
            i++;
        }
        return GoFloat.general(size, precision) + units[i];
    }

    /** {@code %.2f%%}, as docker prints CPU and memory percentages. */
    public static String percent(double value) {
        return GoFloat.fixed(value, 2) + "%";
    }
}
