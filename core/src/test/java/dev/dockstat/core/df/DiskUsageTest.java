package dev.dockstat.core.df;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dockstat.core.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures behind docker system df's four rows, as the docker CLI's formatter computes them. */
class DiskUsageTest {

    static DiskUsage parse(String json) throws Exception {
        return Json.MAPPER.readValue(json, DiskUsage.class);
    }

    @Test
    void imagesReclaimWhatNoContainerUsesAndSkipUnmeasuredSizes() throws Exception {
        DiskUsage du = parse("""
                {"LayersSize": 1000,
                 "Images": [{"Id":"a","Size":600,"SharedSize":100,"Containers":2},
                            {"Id":"b","Size":300,"SharedSize":-1,"Containers":1},
                            {"Id":"c","Size":100,"SharedSize":0,"Containers":0}]}""");
        assertEquals(new DiskUsage.Totals("Images", 3, 2, 1000, 500, 1000), du.totals().get(0));
    }

    @Test
    void runningPausedAndRestartingContainersAreActive() throws Exception {
        DiskUsage du = parse("""
                {"Containers": [{"Id":"1","State":"running","SizeRw":10},{"Id":"2","State":"paused","SizeRw":20},
                                {"Id":"3","State":"restarting","SizeRw":30},{"Id":"4","State":"exited","SizeRw":40},
                                {"Id":"5","State":"created"}]}""");
        assertEquals(new DiskUsage.Totals("Containers", 5, 3, 100, 40, 100), du.totals().get(1));
    }

    @Test
    void volumesWithoutReferencesAreReclaimableUnmeasuredOnesUncounted() throws Exception {
        DiskUsage du = parse("""
                {"Volumes": [{"Name":"a","UsageData":{"RefCount":1,"Size":3}},{"Name":"b","UsageData":{"RefCount":0,"Size":7}},
                             {"Name":"c","UsageData":{"RefCount":0,"Size":-1}},{"Name":"d"}]}""");
        assertEquals(new DiskUsage.Totals("Local Volumes", 4, 1, 10, 7, 10), du.totals().get(2));
    }

    @Test
    void buildCacheCountsSharedRecordsOnceAndInUseOnesAsKept() throws Exception {
        DiskUsage du = parse("""
                {"BuildCache": [{"ID":"x","InUse":true,"Shared":false,"Size":100,"LastUsedAt":"2026-11-23T08:00:00Z"},
                                {"ID":"y","InUse":false,"Shared":true,"Size":50},
                                {"ID":"a","InUse":false,"Shared":false,"Size":25,"LastUsedAt":"2026-11-23T07:00:00Z"}]}""");
        assertEquals(new DiskUsage.Totals("Build Cache", 3, 1, 125, 25, 0), du.totals().get(3));
        assertEquals(List.of("y", "a", "x"), du.buildCacheByLastUse().stream().map(DiskUsage.BuildCache::id).toList(),
                "never used first, then by last use");
    }

    @Test
    void anEmptyEngine() throws Exception {
        DiskUsage du = parse("{\"LayersSize\":0,\"BuildCache\":null}");
        assertEquals(List.of("Images", "Containers", "Local Volumes", "Build Cache"),
                du.totals().stream().map(DiskUsage.Totals::type).toList());
        du.totals().forEach(t -> assertEquals(0, t.total()));
    }
}
