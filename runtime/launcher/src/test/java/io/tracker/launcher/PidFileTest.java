package io.tracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path home;

    private Path pidFile;

    @BeforeEach
    void pidFileUnderData() {
        pidFile = home.resolve("data").resolve("tracker.pid");
    }

    @Test
    void claimWritesThisProcessesPidCreatingTheFolder() throws IOException {
        PidFile.claim(pidFile);

        assertThat(pidFile).hasContent(SELF + "\n");
    }

    @Test
    void claimRefusesWhileTheFileNamesAnotherLiveProcess() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            write(other.pid());

            assertThatIllegalStateException()
                    .isThrownBy(() -> PidFile.claim(pidFile))
                    .withMessageContaining("pid " + other.pid())
                    .withMessageContaining(home.toString());
            assertThat(pidFile).as("left to its owner").hasContent(other.pid() + "\n");
        } finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void claimTakesOverAFileNamingADeadProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        write(gone.pid());

        PidFile.claim(pidFile);

        assertThat(pidFile).hasContent(SELF + "\n");
    }

    @Test
    void claimTakesOverAFileNamingThisProcess() throws IOException {
        write(SELF);

        PidFile.claim(pidFile);

        assertThat(pidFile).hasContent(SELF + "\n");
    }

    @Test
    void claimTakesOverAFileWithoutAPid() throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, "not a pid\n");

        PidFile.claim(pidFile);

        assertThat(pidFile).hasContent(SELF + "\n");
    }

    @Test
    void releaseRemovesTheFileItClaimed() throws IOException {
        PidFile claimed = PidFile.claim(pidFile);

        claimed.release();

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void releaseLeavesAFileThatNowNamesAnotherProcess() throws IOException {
        PidFile claimed = PidFile.claim(pidFile);
        long other = SELF + 1;
        write(other);

        claimed.release();

        assertThat(pidFile).hasContent(other + "\n");
    }

    @Test
    void releaseOfAnAlreadyRemovedFileIsHarmless() throws IOException {
        PidFile claimed = PidFile.claim(pidFile);
        Files.delete(pidFile);

        claimed.release();

        assertThat(pidFile).doesNotExist();
    }

    private void write(long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, pid + "\n", StandardCharsets.US_ASCII);
    }
}
