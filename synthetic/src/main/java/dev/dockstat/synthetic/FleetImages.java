package dev.dockstat.synthetic;

import java.util.List;

/** The images every synthetic engine holds, and the one network its containers join. */
final class FleetImages {

    /** The default bridge network's ID (the same on every engine: nothing compares them across engines). */
    static final String BRIDGE_ID = "4e3a8f05c6b9d0a2f17c38e9b5d46a0c2e7f91b3d8a5c06e4f2b9d1c7a3e8f50";

    static final List<ImageSpec> IMAGES = List.of(
            new ImageSpec("synthetic/web:1.4", "sha256:" + "7a1c".repeat(16), "", 1_795_000_000L,
                    ImageSpec.BASE_LAYER + 41_203_117L, true, "nginx -g 'daemon off;'"),
            new ImageSpec("synthetic/worker:2.3", "sha256:" + "3be9".repeat(16), "", 1_795_100_000L,
                    ImageSpec.BASE_LAYER + 25_811_002L, true, "/usr/local/bin/worker --queue jobs"),
            new ImageSpec("synthetic/db:14", "sha256:" + "c04d".repeat(16), "", 1_794_900_000L,
                    ImageSpec.BASE_LAYER + 182_446_580L, true, "postgres"),
            new ImageSpec("local/busybox:latest", "sha256:" + "d4df".repeat(16), "", 1_790_000_000L,
                    4_261_550L, false, "sleep 100000"));

    private FleetImages() {}

    /** The image of an engine's n-th container: a fixed mix of workers and web servers, some databases and a small tool. */
    private static final int[] MIX = {1, 0, 1, 0, 2, 1, 0, 1, 3, 0};

    static ImageSpec forContainer(int n) {
        return IMAGES.get(MIX[n % MIX.length]);
    }

    static String role(ImageSpec image) {
        String ref = image.reference();
        return ref.substring(ref.indexOf('/') + 1, ref.indexOf(':'));
    }

    /** What all layers take once each: the shared base once, each image's own layers. */
    static long layersSize() {
        long total = ImageSpec.BASE_LAYER;
        for (ImageSpec i : IMAGES) {
            total += i.size() - i.sharedSize();
        }
        return total;
    }
}
