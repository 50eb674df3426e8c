package io.tunnelsim.ipsec.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The topology's {@code ipsec:} section: its profiles by name, in file order (empty when the
 * section is not written).
 */
public record IpsecProfiles(Map<String, IpsecProfileSpec> byName) {

    public IpsecProfiles {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The profile called {@code name}, or null. */
    public IpsecProfileSpec get(String name) {
        return byName.get(name);
    }
}
