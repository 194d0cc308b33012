package dev.dockstat.synthetic;

/**
 * An image the synthetic engines hold. Those built on the shared base share its layer, as images
 * built from one base do; {@code size} includes it.
 */
record ImageSpec(String reference, String id, String parentId, long created, long size, boolean onBase, String command) {

    static final long BASE_LAYER = 116_672_398L;

    long sharedSize() {
        return onBase ? BASE_LAYER : 0;
    }
}
