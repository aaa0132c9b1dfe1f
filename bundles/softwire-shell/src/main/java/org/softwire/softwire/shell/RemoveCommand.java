package org.softwire.softwire.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code softwire:remove name}: deletes the softwire's configuration (and so the softwire). */
@Service
@Command(scope = "softwire", name = "remove", description = "Removes a softwire (deletes its configuration)")
public class RemoveCommand implements Action {
    @Reference
    ConfigurationAdmin admin;

    @Argument(index = 0, name = "name", required = true, description = "Softwire name")
    @Completion(SoftwireNameCompleter.class)
    String name;

    @Override
    public Object execute() throws Exception {
        Configuration c = SoftwireConfigs.find(admin, name);
        if (c == null) {
            throw new IllegalArgumentException("No softwire configuration named '" + name + "'; see softwire:list");
        }
        c.delete();
        System.out.println("softwire " + name + " removed");
        return null;
    }
}
