import { mount } from 'svelte';
import AudienceApp from './components/focus/AudienceApp.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('audience.html has no #app element');

export default mount(AudienceApp, { target });
