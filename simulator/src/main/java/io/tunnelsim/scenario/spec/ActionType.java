package io.tunnelsim.scenario.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The timeline actions, with the YAML word and the kind of thing each acts on. */
public enum ActionType {
    /** Carrier loss: both ends of the link see their interfaces go down. */
    LINK_DOWN("link-down", Target.LINK),
    LINK_UP("link-up", Target.LINK),
    /** Administrative shutdown of one interface. */
    INTERFACE_DOWN("interface-down", Target.INTERFACE),
    INTERFACE_UP("interface-up", Target.INTERFACE),
    /** The link drops everything both ways while every interface stays up. */
    SILENT_FAILURE("silent-failure", Target.LINK),
    SILENT_RESTORE("silent-restore", Target.LINK),
    /** The node stops: all its state is lost and its interfaces go down. */
    NODE_CRASH("node-crash", Target.NODE),
    NODE_RESTORE("node-restore", Target.NODE),
    /** Changes loss and/or delay of a link from then on. */
    IMPAIR("impair", Target.LINK);

    /** What an action's target names. */
    public enum Target {
        LINK("link"), INTERFACE("interface"), NODE("node");

        private final String key;

        Target(String key) {
            this.key = key;
        }

        /** The YAML key that names the target. */
        public String key() {
            return key;
        }
    }

    private final String yamlName;
    private final Target target;

    ActionType(String yamlName, Target target) {
        this.yamlName = yamlName;
        this.target = target;
    }

    public String yamlName() {
        return yamlName;
    }

    public Target target() {
        return target;
    }

    public static Map<String, ActionType> byName() {
        Map<String, ActionType> m = new LinkedHashMap<>();
        for (ActionType t : values()) {
            m.put(t.yamlName, t);
        }
        return m;
    }
}
