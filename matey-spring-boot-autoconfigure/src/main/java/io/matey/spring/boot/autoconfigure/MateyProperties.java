package io.matey.spring.boot.autoconfigure;

import io.matey.spring.boot.autoconfigure.actuate.MateyHealthPolicy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/** Configuration of Matey's start-up check, endpoint and health, under {@code matey.*}. */
@ConfigurationProperties("matey")
public class MateyProperties {

    /** The default health status of drift with matey.on-drift=warn; mapped to HTTP 200 (docs/architecture.md §8). */
    public static final String DRIFT = "DRIFT";

    /** Whether to check the application's databases against the committed Matey artifacts. */
    private boolean enabled = true;

    /** Location of the Matey workspace (the directory with matey.toml): a classpath location or a directory. */
    private String workspace = "classpath:db/matey";

    /** Target served by the application's DataSource; defaults to the workspace's only target, else ".". */
    private String primaryTarget;

    /** Targets to manage besides the primary one, by target path, with where each connects. */
    private Map<String, Target> targets = new LinkedHashMap<>();

    /** Whether to compare every managed database with the committed artifacts during start-up. */
    private boolean verifyOnStartup = true;

    /** Whether to apply pending migrations under the migration lock during start-up, then verify. */
    private boolean migrateOnStartup = false;

    /**
     * Whether to adopt a database that has no Matey history during start-up: record the versions up to the
     * checkpoint its schema equals, as dbmate would have; refuse when no checkpoint matches.
     */
    private boolean adoptOnStartup = false;

    /**
     * How long to wait for the migration lock held by another process before failing, naming the holder; a bare
     * number is seconds, as for the CLI's --lock-timeout.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofMinutes(10);

    /** Bound on each check made while the application runs (endpoint reads, health re-checks). */
    private Duration checkTimeout = Duration.ofSeconds(10);

    /** What drift or stale artifacts found during start-up do: fail stops the start-up, warn logs and reports. */
    private OnDrift onDrift = OnDrift.FAIL;

    /**
     * What a database migrated by a newer release does during start-up (it records this application's migrations
     * followed by later ones, as in a rolling deploy): warn logs the later versions and starts without migrating or
     * verifying, fail treats it as matey.on-drift says.
     */
    private OnAhead onAhead = OnAhead.WARN;

    private final Health health = new Health();

    /** What a failed verification does during start-up. */
    public enum OnDrift {
        /** Stop the start-up with a failure analysis. */
        FAIL,
        /** Log a warning, start, and report the target with matey.health.drift-status in health. */
        WARN
    }

    /**
     * What a database ahead by later versions only does during start-up; a history that diverged (a version the
     * application lacks sorting among its migrations) is drift whatever this says.
     */
    public enum OnAhead {
        /** Log the later versions once, start without migrating or verifying, and report health UP (ahead). */
        WARN,
        /** Report it as matey.on-drift says: by default, stop the start-up. */
        FAIL
    }

    /** Where one target's live database is reached; the first of data-source, url and url-env that is set wins. */
    public static class Target {

        /** Whether to manage this target. */
        private boolean enabled = true;

        /** Name of the DataSource bean that reaches this target's database. */
        private String dataSource;

        /** Matey URL of this target's database, such as postgres://user@host:5432/db. */
        private String url;

        /** Environment variable or property holding this target's Matey URL; defaults to url_env of its config.toml. */
        private String urlEnv;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getDataSource() {
            return dataSource;
        }

        public void setDataSource(String dataSource) {
            this.dataSource = dataSource;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUrlEnv() {
            return urlEnv;
        }

        public void setUrlEnv(String urlEnv) {
            this.urlEnv = urlEnv;
        }
    }

    public static class Health {

        /** Health status reported while migrations are pending, such as UP or OUT_OF_SERVICE. */
        private String pendingStatus = MateyHealthPolicy.UP;

        /**
         * Health status of drift and stale artifacts with matey.on-drift=warn (with fail: DOWN). The default,
         * DRIFT, answers HTTP 200 so that the application stays ready.
         */
        private String driftStatus = DRIFT;

        /** How often to re-check every managed database in the background; unset: only on reads of the endpoint. */
        private Duration recheckInterval;

        public String getPendingStatus() {
            return pendingStatus;
        }

        public void setPendingStatus(String pendingStatus) {
            this.pendingStatus = pendingStatus;
        }

        public String getDriftStatus() {
            return driftStatus;
        }

        public void setDriftStatus(String driftStatus) {
            this.driftStatus = driftStatus;
        }

        public Duration getRecheckInterval() {
            return recheckInterval;
        }

        public void setRecheckInterval(Duration recheckInterval) {
            this.recheckInterval = recheckInterval;
        }

        /**
         * The statuses in force: drift is DOWN unless the application was told to start anyway.
         *
         * @param onAhead      whether a database ahead by later versions only is UP rather than drift
         * @param endpointPath the web path of the matey endpoint, where health points for a target's details; null
         *                     when it is not exposed, and health gives the {@code matey db drift} command instead
         * @param workspace    {@code matey.workspace}, which that command names
         */
        public MateyHealthPolicy policy(OnDrift onDrift, OnAhead onAhead, String endpointPath, String workspace) {
            return new MateyHealthPolicy(pendingStatus, onDrift == OnDrift.WARN ? driftStatus : MateyHealthPolicy.DOWN,
                    onAhead == OnAhead.WARN, endpointPath, workspace);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getWorkspace() {
        return workspace;
    }

    public void setWorkspace(String workspace) {
        this.workspace = workspace;
    }

    public String getPrimaryTarget() {
        return primaryTarget;
    }

    public void setPrimaryTarget(String primaryTarget) {
        this.primaryTarget = primaryTarget;
    }

    public Map<String, Target> getTargets() {
        return targets;
    }

    public void setTargets(Map<String, Target> targets) {
        this.targets = targets;
    }

    public boolean isVerifyOnStartup() {
        return verifyOnStartup;
    }

    public void setVerifyOnStartup(boolean verifyOnStartup) {
        this.verifyOnStartup = verifyOnStartup;
    }

    public boolean isMigrateOnStartup() {
        return migrateOnStartup;
    }

    public void setMigrateOnStartup(boolean migrateOnStartup) {
        this.migrateOnStartup = migrateOnStartup;
    }

    public boolean isAdoptOnStartup() {
        return adoptOnStartup;
    }

    public void setAdoptOnStartup(boolean adoptOnStartup) {
        this.adoptOnStartup = adoptOnStartup;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getCheckTimeout() {
        return checkTimeout;
    }

    public void setCheckTimeout(Duration checkTimeout) {
        this.checkTimeout = checkTimeout;
    }

    public OnDrift getOnDrift() {
        return onDrift;
    }

    public void setOnDrift(OnDrift onDrift) {
        this.onDrift = onDrift;
    }

    public OnAhead getOnAhead() {
        return onAhead;
    }

    public void setOnAhead(OnAhead onAhead) {
        this.onAhead = onAhead;
    }

    public Health getHealth() {
        return health;
    }
}
