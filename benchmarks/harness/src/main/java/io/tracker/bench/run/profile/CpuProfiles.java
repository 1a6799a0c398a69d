package io.tracker.bench.run.profile;

import io.tracker.bench.run.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Takes the CPU profile of one target under load: starts it with a profiling JVM option, loads it, stops
 * it (the profile is written when its JVM exits), and falls back to the next {@link ProfileMethod} when
 * the target does not start with that option or no file appears.
 */
public final class CpuProfiles {

    /** Starts the target with one more JVM option. */
    @FunctionalInterface
    public interface Starter {
        Target start(String extraJavaOptions) throws Exception;
    }

    /** Loads a started target for the length of the profile. */
    @FunctionalInterface
    public interface Load {
        void run(Target target) throws Exception;
    }

    private final Optional<Path> agent;
    private final Path profilesDir;

    /**
     * @param agent       the async-profiler library, or empty to go straight to the flight recorder
     * @param profilesDir where profile files go (the report's {@code profiles/})
     */
    public CpuProfiles(Optional<Path> agent, Path profilesDir) {
        this.agent = agent;
        this.profilesDir = profilesDir;
    }

    /**
     * @param name file name without extension, e.g. {@code tracker-pixel-cpu}
     * @return the profile file written, or empty when every method failed (each failure is printed)
     */
    public Optional<Profile> take(String name, Starter starter, Load load) throws Exception {
        Files.createDirectories(profilesDir);
        for (ProfileMethod method : List.of(ProfileMethod.values())) {
            if (method.needsAgent() && agent.isEmpty()) {
                continue;
            }
            Path output = profilesDir.resolve(name + "." + method.extension()).toAbsolutePath();
            Files.deleteIfExists(output);
            try (Target target = starter.start(method.jvmOption(agent.orElse(null), output))) {
                load.run(target);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                System.out.println("  profile " + name + " with " + method.description() + " failed: " + e.getMessage());
                continue;
            }
            if (Files.isRegularFile(output) && Files.size(output) > 0) {
                return Optional.of(new Profile(output, method));
            }
            System.out.println("  profile " + name + " with " + method.description() + " wrote no file");
        }
        return Optional.empty();
    }

    /** A profile file and how it was taken. */
    public record Profile(Path file, ProfileMethod method) {
    }
}
