//! Which agents can take chats now: an agent is there while a desk of theirs is connected
//! and they have not said they are away. Shoppers are told the truth from it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone, Copy, Debug, Default)]
struct AgentPresence {
    desks_open: usize,
    away: bool,
}

/// Agents' presence in this process.
#[derive(Debug, Default)]
pub struct Presence {
    agents: Mutex<HashMap<i64, AgentPresence>>,
}

impl Presence {
    /// Counts a desk of `agent_id` as connected until the returned guard is dropped.
    pub fn desk_opened(self: &Arc<Self>, agent_id: i64) -> DeskOpen {
        self.with_agent(agent_id, |agent| agent.desks_open += 1);
        DeskOpen {
            presence: Arc::clone(self),
            agent_id,
        }
    }

    /// Marks `agent_id` away (`false`) or available.
    pub fn set_available(&self, agent_id: i64, available: bool) {
        self.with_agent(agent_id, |agent| agent.away = !available);
    }

    /// Whether any agent has a desk open and is not away.
    pub fn anyone_available(&self) -> bool {
        let agents = self.agents.lock().unwrap_or_else(|e| e.into_inner());
        agents
            .values()
            .any(|agent| agent.desks_open > 0 && !agent.away)
    }

    fn with_agent(&self, agent_id: i64, change: impl FnOnce(&mut AgentPresence)) {
        let mut agents = self.agents.lock().unwrap_or_else(|e| e.into_inner());
        let agent = agents.entry(agent_id).or_default();
        change(agent);
        if agent.desks_open == 0 && !agent.away {
            agents.remove(&agent_id);
        }
    }
}

/// A connected desk; dropping it (the socket closed) counts it out.
#[derive(Debug)]
pub struct DeskOpen {
    presence: Arc<Presence>,
    agent_id: i64,
}

impl Drop for DeskOpen {
    fn drop(&mut self) {
        self.presence.with_agent(self.agent_id, |agent| {
            agent.desks_open = agent.desks_open.saturating_sub(1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agent_is_available_while_a_desk_is_open_and_not_away() {
        let presence = Arc::new(Presence::default());
        assert!(!presence.anyone_available());
        let desk = presence.desk_opened(7);
        let second_tab = presence.desk_opened(7);
        assert!(presence.anyone_available());
        presence.set_available(7, false);
        assert!(!presence.anyone_available(), "away");
        presence.set_available(7, true);
        drop(desk);
        assert!(presence.anyone_available(), "one desk is still open");
        drop(second_tab);
        assert!(!presence.anyone_available());
    }
}
