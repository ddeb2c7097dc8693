import { runSupervisor } from "./action/supervisor.js";

void runSupervisor();
